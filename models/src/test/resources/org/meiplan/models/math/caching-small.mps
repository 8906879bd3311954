* Program: caching-small
* 11 variables (9 integer, 6 binary), 7 constraints, 23 non-zeros
* Maximisation written as minimisation of the negated objective (no OBJSENSE section, which
* GLPK rejects and CBC ignores): the program's optimum is minus the optimum of this file.
NAME          caching-small_NEGATED_MAX
ROWS
 N  obj
 L  storage[site=bs-1]
 L  storage[site=bs-2]
 G  some[site=bs-1]
 G  some[site=bs-2]
 E  copies[variant=llama-8b]
 E  copies[variant=mistral-7b]
 E  copies[variant=phi-3]
COLUMNS
    MARKER0 'MARKER' 'INTORG'
    stored[site=bs-1,variant=llama-8b] obj -3
    stored[site=bs-1,variant=llama-8b] storage[site=bs-1] 16
    stored[site=bs-1,variant=llama-8b] some[site=bs-1] 1
    stored[site=bs-1,variant=llama-8b] copies[variant=llama-8b] 1
    stored[site=bs-1,variant=mistral-7b] obj -2.5
    stored[site=bs-1,variant=mistral-7b] storage[site=bs-1] 14.5
    stored[site=bs-1,variant=mistral-7b] some[site=bs-1] 1
    stored[site=bs-1,variant=mistral-7b] copies[variant=mistral-7b] 1
    stored[site=bs-1,variant=phi-3] obj -1
    stored[site=bs-1,variant=phi-3] storage[site=bs-1] 7.6
    stored[site=bs-1,variant=phi-3] some[site=bs-1] 1
    stored[site=bs-1,variant=phi-3] copies[variant=phi-3] 1
    stored[site=bs-2,variant=llama-8b] obj -3
    stored[site=bs-2,variant=llama-8b] storage[site=bs-2] 16
    stored[site=bs-2,variant=llama-8b] some[site=bs-2] 1
    stored[site=bs-2,variant=llama-8b] copies[variant=llama-8b] 1
    stored[site=bs-2,variant=mistral-7b] obj -2.5
    stored[site=bs-2,variant=mistral-7b] storage[site=bs-2] 14.5
    stored[site=bs-2,variant=mistral-7b] some[site=bs-2] 1
    stored[site=bs-2,variant=mistral-7b] copies[variant=mistral-7b] 1
    stored[site=bs-2,variant=phi-3] obj -1
    stored[site=bs-2,variant=phi-3] storage[site=bs-2] 7.6
    stored[site=bs-2,variant=phi-3] some[site=bs-2] 1
    stored[site=bs-2,variant=phi-3] copies[variant=phi-3] 1
    MARKER1 'MARKER' 'INTEND'
    spill[site=bs-1] obj 0.5
    spill[site=bs-1] storage[site=bs-1] -1
    spill[site=bs-2] obj 0.5
    spill[site=bs-2] storage[site=bs-2] -1
    MARKER2 'MARKER' 'INTORG'
    copies[variant=llama-8b] copies[variant=llama-8b] -1
    copies[variant=mistral-7b] copies[variant=mistral-7b] -1
    copies[variant=phi-3] copies[variant=phi-3] -1
    MARKER3 'MARKER' 'INTEND'
RHS
    RHS obj 2
    RHS storage[site=bs-1] 24
    RHS storage[site=bs-2] 30
    RHS some[site=bs-1] 1
    RHS some[site=bs-2] 1
RANGES
    RNG some[site=bs-1] 2
    RNG some[site=bs-2] 2
BOUNDS
 BV  BND stored[site=bs-1,variant=llama-8b]
 BV  BND stored[site=bs-1,variant=mistral-7b]
 BV  BND stored[site=bs-1,variant=phi-3]
 BV  BND stored[site=bs-2,variant=llama-8b]
 BV  BND stored[site=bs-2,variant=mistral-7b]
 BV  BND stored[site=bs-2,variant=phi-3]
 UP  BND spill[site=bs-1] 2
 UP  BND spill[site=bs-2] 2
 LO  BND copies[variant=llama-8b] 0
 UP  BND copies[variant=llama-8b] 2
 LO  BND copies[variant=mistral-7b] 0
 UP  BND copies[variant=mistral-7b] 2
 LO  BND copies[variant=phi-3] 0
 UP  BND copies[variant=phi-3] 2
ENDATA
