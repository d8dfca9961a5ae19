-- No range: any number of the type.
true
