# hugeresv footprint 1
name sqlite
source Debian sqlite3 3.40.1-2+deb12u2: in-memory db, 1 GiB cache, 3M rows of (int, 40-hex text, real), CREATE INDEX on the text, GROUP BY and a self-join; pid 28911 comm sqlite3, captured 2026-11-21T23:52:43Z, Linux 6.18.44-fc-v595
thp madvise
vma 56032cb7d000-56032cb85000 r--p file /usr/bin/sqlite3
present 0+8
vma 56032cb85000-56032cbb3000 r-xp file /usr/bin/sqlite3
present 0+46
vma 56032cbb3000-56032cbc6000 r--p file /usr/bin/sqlite3
present 0+16
vma 56032cbc6000-56032cbc8000 r--p file /usr/bin/sqlite3
present 0+2
vma 56032cbc8000-56032cbc9000 rw-p file /usr/bin/sqlite3
present 0
vma 560341c4e000-5603676af000 rw-p anon [heap]
present 0+154199
vma 7fc82ca18000-7fc82cb19000 rw-p anon
present 0+257
vma 7fc82cbfc000-7fc82cbff000 rw-p anon
present 0+2
vma 7fc82cbff000-7fc82cc0e000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+15
vma 7fc82cc0e000-7fc82cc1f000 r-xp file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+16
vma 7fc82cc1f000-7fc82cc2d000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
vma 7fc82cc2d000-7fc82cc31000 r--p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0+4
vma 7fc82cc31000-7fc82cc32000 rw-p file /usr/lib/x86_64-linux-gnu/libtinfo.so.6.4
present 0
vma 7fc82cc32000-7fc82cc34000 rw-p anon
present 0+2
vma 7fc82cc34000-7fc82cc44000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0 2+14
vma 7fc82cc44000-7fc82ccb8000 r-xp file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+60
vma 7fc82ccb8000-7fc82cd12000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
vma 7fc82cd12000-7fc82cd13000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fc82cd13000-7fc82cd14000 rw-p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7fc82cd14000-7fc82cd3a000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7fc82cd3a000-7fc82ce90000 r-xp file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+54 70+112 198+48 262+80
vma 7fc82ce90000-7fc82cee3000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+48
vma 7fc82cee3000-7fc82cee7000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+4
vma 7fc82cee7000-7fc82cee9000 rw-p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+2
vma 7fc82cee9000-7fc82cef6000 rw-p anon
present 0 4+4 12
vma 7fc82cef6000-7fc82cef9000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0+3
vma 7fc82cef9000-7fc82cf0c000 r-xp file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0+16
vma 7fc82cf0c000-7fc82cf13000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
vma 7fc82cf13000-7fc82cf14000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7fc82cf14000-7fc82cf15000 rw-p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7fc82cf15000-7fc82cf2c000 r--p file /usr/lib/x86_64-linux-gnu/libreadline.so.8.2
present 0+23
vma 7fc82cf2c000-7fc82cf59000 r-xp file /usr/lib/x86_64-linux-gnu/libreadline.so.8.2
present 0+8
vma 7fc82cf59000-7fc82cf63000 r--p file /usr/lib/x86_64-linux-gnu/libreadline.so.8.2
vma 7fc82cf63000-7fc82cf65000 r--p file /usr/lib/x86_64-linux-gnu/libreadline.so.8.2
present 0+2
vma 7fc82cf65000-7fc82cf6c000 rw-p file /usr/lib/x86_64-linux-gnu/libreadline.so.8.2
present 0+7
vma 7fc82cf6c000-7fc82cf6d000 rw-p anon
vma 7fc82cf6d000-7fc82cf93000 r--p file /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
present 0+38
vma 7fc82cf93000-7fc82d087000 r-xp file /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
present 0+93 109+135
vma 7fc82d087000-7fc82d0c2000 r--p file /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
present 0+25
vma 7fc82d0c2000-7fc82d0c8000 r--p file /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
present 0+6
vma 7fc82d0c8000-7fc82d0cc000 rw-p file /usr/lib/x86_64-linux-gnu/libsqlite3.so.0.8.6
present 0+4
vma 7fc82d0d7000-7fc82d0d9000 rw-p anon
present 0+2
vma 7fc82d0d9000-7fc82d0dd000 r--p special [vvar]
vma 7fc82d0dd000-7fc82d0df000 r--p special [vvar_vclock]
vma 7fc82d0df000-7fc82d0e1000 r-xp special [vdso]
present 0
vma 7fc82d0e1000-7fc82d0e2000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0
vma 7fc82d0e2000-7fc82d108000 r-xp file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+38
vma 7fc82d108000-7fc82d112000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+10
vma 7fc82d112000-7fc82d114000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7fc82d114000-7fc82d116000 rw-p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7ffdbb7f6000-7ffdbb817000 rw-p anon [stack]
present 28+5
vma ffffffffff600000-ffffffffff601000 --xp special [vsyscall]
