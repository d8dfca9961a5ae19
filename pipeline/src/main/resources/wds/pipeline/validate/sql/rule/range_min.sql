-- A number at least its lower bound.
{{number}} >= {{min}}
