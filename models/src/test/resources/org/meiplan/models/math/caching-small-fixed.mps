* Program: caching-small
* 11 variables (9 integer, 6 binary), 7 constraints, 23 non-zeros
* Maximisation written as minimisation of the negated objective (no OBJSENSE section, which
* GLPK rejects and CBC ignores): the program's optimum is minus the optimum of this file.
* Fixed MPS: numbers rounded to 12 characters, largest relative change 0
* C0000001 stored[site=bs-1,variant=llama-8b]
* C0000002 stored[site=bs-1,variant=mistral-7b]
* C0000003 stored[site=bs-1,variant=phi-3]
* C0000004 stored[site=bs-2,variant=llama-8b]
* C0000005 stored[site=bs-2,variant=mistral-7b]
* C0000006 stored[site=bs-2,variant=phi-3]
* C0000007 spill[site=bs-1]
* C0000008 spill[site=bs-2]
* C0000009 copies[variant=llama-8b]
* C0000010 copies[variant=mistral-7b]
* C0000011 copies[variant=phi-3]
* R0000001 storage[site=bs-1]
* R0000002 storage[site=bs-2]
* R0000003 some[site=bs-1]
* R0000004 some[site=bs-2]
* R0000005 copies[variant=llama-8b]
* R0000006 copies[variant=mistral-7b]
* R0000007 copies[variant=phi-3]
NAME          caching-small_NEGATED_MAX
ROWS
 N  obj
 L  R0000001
 L  R0000002
 G  R0000003
 G  R0000004
 E  R0000005
 E  R0000006
 E  R0000007
COLUMNS
    MARKER0   'MARKER'                 'INTORG'
    C0000001  obj       -3
    C0000001  R0000001  16
    C0000001  R0000003  1
    C0000001  R0000005  1
    C0000002  obj       -2.5
    C0000002  R0000001  14.5
    C0000002  R0000003  1
    C0000002  R0000006  1
    C0000003  obj       -1
    C0000003  R0000001  7.6
    C0000003  R0000003  1
    C0000003  R0000007  1
    C0000004  obj       -3
    C0000004  R0000002  16
    C0000004  R0000004  1
    C0000004  R0000005  1
    C0000005  obj       -2.5
    C0000005  R0000002  14.5
    C0000005  R0000004  1
    C0000005  R0000006  1
    C0000006  obj       -1
    C0000006  R0000002  7.6
    C0000006  R0000004  1
    C0000006  R0000007  1
    MARKER1   'MARKER'                 'INTEND'
    C0000007  obj       0.5
    C0000007  R0000001  -1
    C0000008  obj       0.5
    C0000008  R0000002  -1
    MARKER2   'MARKER'                 'INTORG'
    C0000009  R0000005  -1
    C0000010  R0000006  -1
    C0000011  R0000007  -1
    MARKER3   'MARKER'                 'INTEND'
RHS
    RHS       obj       2
    RHS       R0000001  24
    RHS       R0000002  30
    RHS       R0000003  1
    RHS       R0000004  1
RANGES
    RNG       R0000003  2
    RNG       R0000004  2
BOUNDS
 BV BND       C0000001
 BV BND       C0000002
 BV BND       C0000003
 BV BND       C0000004
 BV BND       C0000005
 BV BND       C0000006
 UP BND       C0000007  2
 UP BND       C0000008  2
 LO BND       C0000009  0
 UP BND       C0000009  2
 LO BND       C0000010  0
 UP BND       C0000010  2
 LO BND       C0000011  0
 UP BND       C0000011  2
ENDATA
