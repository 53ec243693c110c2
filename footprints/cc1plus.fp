# hugeresv footprint 1
name cc1plus
source cc1plus from g++ 12.2.0-14+deb12u1: g++ -O2 -std=c++17 -c of a generated 4802-line TU (<bits/stdc++.h>, 160 namespaces instantiating map/unordered_map/variant/regex/sort/function per type); pid 4821 comm cc1plus, captured 2026-11-21T23:59:40Z, Linux 6.18.44-fc-v595
thp madvise
vma 00400000-00658000 r--p file /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus
present 0+240 256+16 288+16 320+16 432+48 512+16 544+16 576+24
vma 00658000-01b8b000 r-xp file /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus
present 0+16 40+16 72+848 952+816 1784+816 2680+112 2840+672 3528+16
present 3656+128 3832+16 4120+96 4232+128 4392+16 4424+16 4456+96 4568+480
present 5064+160 5240+112 5384+43
vma 01b8b000-025c2000 r--p file /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus
present 0+117 149+304 469+160 709+16 949+80 1045+64 1141+16 1221+16
present 1269+16 1301+32 1349+80 1461+96 1573+32 1621+272
vma 025c2000-025c6000 r--p file /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus
present 0+4
vma 025c6000-025d3000 rw-p file /usr/lib/gcc/x86_64-linux-gnu/12/cc1plus
present 0+13
vma 025d3000-02774000 rw-p anon
present 0+11 13+51 67+152 220+2 223 247 254 258
present 264 284+5 296 298 300 302 308 313+8
present 322+5 339 362+55
vma 2c009000-33732000 rw-p anon [heap]
present 0+4 21+13 37+27 67+34 116+12 143+13242 13387+103 13493+476
present 13977+6237 20228+25 20263+3234 23498+5573 29082+659 29754+168 29935+88 30036+156
present 30247+157 30472
vma 7f235d400000-7f2386800000 rw-p anon
present 0+404 512+168448
vma 7f23869ff000-7f238a600000 rw-p anon
present 0+15361
vma 7f238a649000-7f238b400000 rw-p anon
present 0+2707
vma 7f238b400000-7f239aa00000 rw-p anon
present 0+31652 36864+26112
vma 7f239ac00000-7f239cc00000 rw-p anon
present 0+8192
vma 7f239ce00000-7f23a0a00000 rw-p anon
present 0+15360
vma 7f23a0c00000-7f23a3a00000 rw-p anon
present 0+11776
vma 7f23a3c00000-7f23bd800000 rw-p anon
present 0+105472
vma 7f23bda00000-7f23c9c00000 rw-p anon
present 0+49664
vma 7f23c9e00000-7f23d0a00000 rw-p anon
present 0+27648
vma 7f23d0c00000-7f23d4800000 rw-p anon
present 0+15360
vma 7f23d4a00000-7f23d7400000 rw-p anon
present 0+10752
vma 7f23d75ff000-7f23d7e00000 rw-p anon
present 0+1910
vma 7f23d7e00000-7f23e84c2000 rw-p anon
present 0+67266
vma 7f23e8600000-7f2417865000 rw-p anon
present 0+193125
vma 7f2417a00000-7f2418c00000 rw-p anon
present 0+4608
vma 7f2418c72000-7f2418dfe000 rw-p anon
present 0+396
vma 7f2418dfe000-7f24195ff000 rw-p anon
present 0+1910
vma 7f2419600000-7f243a604000 rw-p anon
present 0+37135 37176+134 37312+70754 108068+7 108076+10 108088+26 108116+3 108120+6
present 108128+3 108132+2 108136+6 108144+67 108240+26932
vma 7f243a604000-7f244464b000 rw-p anon
present 0+41031
vma 7f244464c000-7f244aa04000 rw-p anon
present 0+25528
vma 7f244aa04000-7f244ba04000 rw-p anon
present 0+4096
vma 7f244ba04000-7f244c665000 rw-p anon
present 0+431 432+3 436+3 440+3 444+3 448+3 452+3 456+3
present 460+3 464+3 468+3 472+3 476+3 480+3 484+3 488+3
present 492+3 496+3 500+3 504+3 508+2661
vma 7f244c666000-7f2457804000 rw-p anon
present 0+5 6+3 10+3 14+3 18+3 22+3 26+3 30+3
present 34+45436
vma 7f2457804000-7f245ac00000 rw-p anon
present 0+463 464+3 468+3 472+3 476+3 480+3 484+3 488+3
present 492+3 496+3 500+3 504+3 508+12800
vma 7f245ac01000-7f245ac69000 rw-p anon
present 0+3 4+3 8+3 12+3 16+3 20+3 24+3 28+3
present 32+3 36+68
vma 7f245ac6a000-7f245d000000 rw-p anon
present 0+3 4+3 8+3 12+3 16+3 20+3 24+3 28+3
present 32+3 36+3 40+3 44+3 48+3 52+3 56+3 60+3
present 64+3 68+3 72+3 76+3 80+3 84+3 88+3 92+3
present 96+3 100+3 104+3 108+3 112+3 116+3 120+3 124+3
present 128+142 278+5 284+4733 5018+3 5022+3 5026+3 5030+3 5034+3
present 5038+3 5042+3 5046+3 5050+3 5054+3 5058+3 5062+3 5066+3
present 5070+3 5074+3 5078+3 5082+3 5086+3 5090+3 5094+3 5098+3
present 5102+3 5106+3 5110+3 5114+3 5118+3 5122+3 5126+3 5130+3
present 5134+3 5138+3 5142+3 5146+3 5150+3 5154+3 5158+3 5162+3
present 5166+3 5170+3 5174+3 5178+3 5182+3 5186+3 5190+3 5194+3
present 5198+3 5202+3 5206+3 5210+3 5214+3 5218+3 5222+3 5226+3
present 5230+3 5234+3 5238+3 5242+3 5246+3 5250+3 5254+3856
vma 7f245d001000-7f245d237000 rw-p anon
present 0+3 4+3 8+3 12+3 16+3 20+3 24+3 28+3
present 32+3 36+3 40+3 44+3 48+3 52+3 56+3 60+3
present 64+3 68+3 72+3 76+3 80+3 84+3 88+3 92+3
present 96+3 100+3 104+3 108+3 112+7 120+3 124+3 128+437
vma 7f245d238000-7f245d802000 rw-p anon
present 0+3 4+3 8+3 12+3 16+3 20+3 24+3 28+3
present 32+3 36+3 40+3 44+3 48+404 456+1026
vma 7f245d802000-7f245d8f0000 rw-p anon
present 0+170 178+28 222+16
vma 7f245d8f0000-7f245d947000 r--p file /usr/lib/locale/C.utf8/LC_CTYPE
present 0+16 48+16
vma 7f245d947000-7f245d96d000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7f245d96d000-7f245dac3000 r-xp file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+179 195+48 291+48
vma 7f245dac3000-7f245db16000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+45
vma 7f245db16000-7f245db1a000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+4
vma 7f245db1a000-7f245db1c000 rw-p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+2
vma 7f245db1c000-7f245db29000 rw-p anon
present 0 4+3 12
vma 7f245db29000-7f245db39000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0 2+14
vma 7f245db39000-7f245dbad000 r-xp file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+71
vma 7f245dbad000-7f245dc07000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
vma 7f245dc07000-7f245dc08000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7f245dc08000-7f245dc09000 rw-p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7f245dc09000-7f245dc0e000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0+5
vma 7f245dc0e000-7f245dcaf000 r-xp file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0+16
vma 7f245dcaf000-7f245dcc3000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
vma 7f245dcc3000-7f245dcc4000 r--p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7f245dcc4000-7f245dcc5000 rw-p file /usr/lib/x86_64-linux-gnu/libzstd.so.1.5.4
present 0
vma 7f245dcc5000-7f245dcd0000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0+11
vma 7f245dcd0000-7f245dd2d000 r-xp file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0+93
vma 7f245dd2d000-7f245dd44000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0+16
vma 7f245dd44000-7f245dd45000 r--p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0
vma 7f245dd45000-7f245dd46000 rw-p file /usr/lib/x86_64-linux-gnu/libgmp.so.10.4.1
present 0
vma 7f245dd46000-7f245dd54000 r--p file /usr/lib/x86_64-linux-gnu/libmpfr.so.6.2.0
present 0+14
vma 7f245dd54000-7f245dddd000 r-xp file /usr/lib/x86_64-linux-gnu/libmpfr.so.6.2.0
present 0+108
vma 7f245dddd000-7f245ddf4000 r--p file /usr/lib/x86_64-linux-gnu/libmpfr.so.6.2.0
present 0+19
vma 7f245ddf4000-7f245ddf6000 r--p file /usr/lib/x86_64-linux-gnu/libmpfr.so.6.2.0
present 0+2
vma 7f245ddf6000-7f245de00000 rw-p file /usr/lib/x86_64-linux-gnu/libmpfr.so.6.2.0
present 0+10
vma 7f245de00000-7f245de62000 r--p file /usr/lib/x86_64-linux-gnu/libisl.so.23.2.0
present 0+98
vma 7f245de62000-7f245dfa3000 r-xp file /usr/lib/x86_64-linux-gnu/libisl.so.23.2.0
present 0+16
vma 7f245dfa3000-7f245e001000 r--p file /usr/lib/x86_64-linux-gnu/libisl.so.23.2.0
vma 7f245e001000-7f245e002000 r--p file /usr/lib/x86_64-linux-gnu/libisl.so.23.2.0
present 0
vma 7f245e002000-7f245e00a000 rw-p file /usr/lib/x86_64-linux-gnu/libisl.so.23.2.0
present 0+8
vma 7f245e00b000-7f245e02f000 rw-p anon
present 0+36
vma 7f245e02f000-7f245e032000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0+3
vma 7f245e032000-7f245e045000 r-xp file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0+16
vma 7f245e045000-7f245e04c000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
vma 7f245e04c000-7f245e04d000 r--p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7f245e04d000-7f245e04e000 rw-p file /usr/lib/x86_64-linux-gnu/libz.so.1.2.13
present 0
vma 7f245e04e000-7f245e054000 r--p file /usr/lib/x86_64-linux-gnu/libmpc.so.3.3.1
present 0+6
vma 7f245e054000-7f245e06a000 r-xp file /usr/lib/x86_64-linux-gnu/libmpc.so.3.3.1
present 0+16
vma 7f245e06a000-7f245e06e000 r--p file /usr/lib/x86_64-linux-gnu/libmpc.so.3.3.1
vma 7f245e06e000-7f245e06f000 r--p file /usr/lib/x86_64-linux-gnu/libmpc.so.3.3.1
present 0
vma 7f245e06f000-7f245e070000 rw-p file /usr/lib/x86_64-linux-gnu/libmpc.so.3.3.1
present 0
vma 7f245e070000-7f245e073000 rw-p anon
present 0+3
vma 7f245e073000-7f245e074000 r--p file /usr/lib/locale/C.utf8/LC_MESSAGES/SYS_LC_MESSAGES
present 0
vma 7f245e074000-7f245e07b000 r--s shared /usr/lib/x86_64-linux-gnu/gconv/gconv-modules.cache
present 0+7
vma 7f245e07b000-7f245e07d000 rw-p anon
present 0+2
vma 7f245e07d000-7f245e081000 r--p special [vvar]
vma 7f245e081000-7f245e083000 r--p special [vvar_vclock]
vma 7f245e083000-7f245e085000 r-xp special [vdso]
present 0
vma 7f245e085000-7f245e086000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0
vma 7f245e086000-7f245e0ac000 r-xp file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+38
vma 7f245e0ac000-7f245e0b6000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+10
vma 7f245e0b6000-7f245e0b8000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7f245e0b8000-7f245e0ba000 rw-p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7fffa2a56000-7fffa2a9f000 rw-p anon [stack]
present 0+73
vma ffffffffff600000-ffffffffff601000 --xp special [vsyscall]
