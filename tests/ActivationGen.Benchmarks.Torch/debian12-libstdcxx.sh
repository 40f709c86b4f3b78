#!/usr/bin/env bash
# libtorch 2.10's libLibTorchSharp.so needs GLIBCXX_3.4.32 (GCC 13's C++ runtime); Debian 12 has GCC 12's. This puts
# Debian 13's libstdc++.so.6 (GCC 14) into the directory given (default /tmp/libstdcxx), made loadable on Debian 12's
# glibc 2.36: its only import newer than that, __isoc23_strtoul@GLIBC_2.38, is redirected to strtoul@GLIBC_2.2.5 (the
# two differ only in accepting a "0b" prefix). Then run the harness with LD_LIBRARY_PATH set to that directory:
#
#   tests/ActivationGen.Benchmarks.Torch/debian12-libstdcxx.sh /tmp/libstdcxx
#   LD_LIBRARY_PATH=/tmp/libstdcxx dotnet run -c Release --project tests/ActivationGen.Benchmarks.Torch
set -euo pipefail
out=${1:-/tmp/libstdcxx}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
curl -fsS -o "$work/libstdcxx.deb" http://deb.debian.org/debian/pool/main/g/gcc-14/libstdc++6_14.2.0-19_amd64.deb
dpkg-deb -x "$work/libstdcxx.deb" "$work/x"
python3 - "$work/x/usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.33" "$out/libstdc++.so.6" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], 'rb').read())
(shoff,) = struct.unpack_from('<Q', data, 0x28)
shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3A)
sections = [struct.unpack_from('<IIQQQQIIQQ', data, shoff + i * shentsize) for i in range(shnum)]
def cstring(at):
    return data[at:data.index(0, at)].decode()
names = {cstring(sections[shstrndx][4] + s[0]): s for s in sections}
dynstr = names['.dynstr'][4]
entry, glibc_2_38, glibc_2_2_5 = names['.gnu.version_r'][4], None, None
while True:  # Elf64_Verneed entries, each with its Elf64_Vernaux list
    _, count, _, aux, following = struct.unpack_from('<HHIII', data, entry)
    at = entry + aux
    for _ in range(count):
        hash_, flags, other, name, next_aux = struct.unpack_from('<IHHII', data, at)
        if cstring(dynstr + name) == 'GLIBC_2.38':
            glibc_2_38 = at
        elif cstring(dynstr + name) == 'GLIBC_2.2.5':
            glibc_2_2_5 = (hash_, name)
        at += next_aux
    if following == 0:
        break
    entry += following
if glibc_2_38 is None or glibc_2_2_5 is None:
    sys.exit('unexpected libstdc++: no GLIBC_2.38 or GLIBC_2.2.5 requirement')
_, flags, other, _, next_aux = struct.unpack_from('<IHHII', data, glibc_2_38)
struct.pack_into('<IHHII', data, glibc_2_38, glibc_2_2_5[0], flags, other, glibc_2_2_5[1], next_aux)
at = data.index(b'__isoc23_strtoul\0', dynstr)
data[at:at + 8] = b'strtoul\0'
open(sys.argv[2], 'wb').write(data)
PY
echo "libstdc++.so.6 for Debian 12 written to $out"
