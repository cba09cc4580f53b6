#!/usr/bin/env python3
"""Unpacks a bzImage (vmlinuz) to the uncompressed ELF kernel: QEMU boots an ELF directly,
which saves seconds of in-guest decompression under TCG. Usage: extract_vmlinux.py IN OUT"""
import lzma
import sys

XZ_MAGIC = b"\xfd7zXZ\x00"


def main() -> int:
    src, dst = sys.argv[1], sys.argv[2]
    data = open(src, "rb").read()
    start = data.find(XZ_MAGIC)
    while start >= 0:
        try:
            kernel = lzma.LZMADecompressor(format=lzma.FORMAT_XZ).decompress(data[start:])
        except lzma.LZMAError:
            kernel = b""
        if kernel.startswith(b"\x7fELF"):
            open(dst, "wb").write(kernel)
            return 0
        start = data.find(XZ_MAGIC, start + 1)
    print(f"{src}: no xz-compressed ELF kernel inside", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
