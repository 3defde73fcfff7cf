import re, collections
dels = """src/information-return/completeness.ts 11 23 50 72 94
src/information-return/define-template.ts 15
src/information-return/json-schema.ts 22 145
src/information-return/model.ts 23 50 77 90 111 126 143 155 189 207 229 249 270 295 317 329
src/information-return/submission.ts 11 36 53 69 84 99 111 128 143 162 201 240 258 278 307
src/intake/case-intake.ts 131 143
src/intake/labels.ts 20
src/intake/model.ts 12 33 45 57 78 96 126 160 180 197 215
src/testing/arbitraries/information-return.ts 21
src/testing/case-population.ts 21 86
src/testing/example-information-return.ts 22"""
n=0
for row in dels.splitlines():
    f,*ls = row.split()
    lines = open(f).read().split('\n')
    for L in sorted(map(int, ls), reverse=True):
        i = L-1  # fence index
        assert lines[i].strip() == '* ```ts', (f, L, lines[i])
        ex = i-1
        assert lines[ex].strip() == '* @example', (f, L, lines[ex])
        j = i+1
        while lines[j].strip() != '* ```': j += 1
        start, end = ex, j  # inclusive
        if lines[start-1].strip() == '*' and lines[end+1].strip() == '*/':
            start -= 1
        del lines[start:end+1]
        n += 1
    open(f,'w').write('\n'.join(lines))
print(n)
