"""Reads HotSpot's PrintAssembly output of one method (hex bytes, as printed without the hsdis plugin), disassembles
its standard (not OSR) C2 compilation with objdump and reports the innermost loop that holds the vector FMAs: its
instructions, FMAs, and stack accesses (spills and reloads of registers). Usage: inner_loop.py print-output.txt"""
import re
import subprocess
import sys
import tempfile

text = open(sys.argv[1]).read()
compilations = [b for b in text.split("C2-compiled nmethod")[1:] if "[MachCode]" in b]
standard = [b for b in compilations if not re.search(r"Compiled method \(c2\)\s+\d+\s+\d+ %", b)]
if not standard:
    sys.exit("no standard C2 compilation found")
code = standard[-1].split("[MachCode]")[1].split("[/MachCode]")[0]
data, base = bytearray(), None
for line in code.splitlines():
    m = re.match(r"\s+0x([0-9a-f]+): ((?:[0-9a-f]{2,4} ?\|? ?)+)\s*$", line)
    if m:
        addr = int(m.group(1), 16)
        base = addr if base is None else base
        chunk = bytes.fromhex("".join(m.group(2).replace("|", "").split()))
        if addr - base > len(data):
            data.extend(b"\x90" * (addr - base - len(data)))
        data[addr - base:addr - base + len(chunk)] = chunk
with tempfile.NamedTemporaryFile(suffix=".bin") as f:
    f.write(data)
    f.flush()
    listing = subprocess.run(["objdump", "-D", "-b", "binary", "-mi386:x86-64", "--adjust-vma=" + hex(base), f.name],
                             capture_output=True, text=True, check=True).stdout
ins = []
for line in listing.splitlines():
    parts = line.split("\t")
    if len(parts) > 2 and re.match(r"\s+[0-9a-f]+:$", parts[0]):
        ins.append((int(parts[0].strip()[:-1], 16), parts[2].strip()))
fmas = [a for a, t in ins if t.startswith("vfmadd")]
loop = None
for a, t in ins:
    m = re.match(r"j\w+\s+0x([0-9a-f]+)", t)
    if m and int(m.group(1), 16) < a and any(int(m.group(1), 16) <= f <= a for f in fmas):
        if loop is None or a - int(m.group(1), 16) < loop[1] - loop[0]:
            loop = (int(m.group(1), 16), a)
if loop is None:
    sys.exit("no loop with FMAs found")
body = [t for a, t in ins if loop[0] <= a <= loop[1]]
stack = [t for t in body if "rsp" in t]
print(f"inner loop: {len(body)} instructions, {sum(t.startswith('vfmadd') for t in body)} FMAs, "
      f"{len(stack)} stack accesses" + (": " + "; ".join(stack[:4]) + (" ..." if len(stack) > 4 else "") if stack else ""))
