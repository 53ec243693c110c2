# hugeresv footprint 1
name node
source node v20.20.2 (nodejs 20.20.2-1nodesource1+repack1): Map of 2M string keys -> objects, JSON.stringify of 1M of them, JSON.parse back; pid 28825 comm node, captured 2026-11-21T23:52:37Z, Linux 6.18.44-fc-v595
thp madvise
vma 00400000-00b6f000 r--p file /usr/bin/node
present 0+144 160+80 256+32 304+112 432+32 480+16 512+80 608+96
present 720+96 832+32 880+16 928+160 1104+144 1264+32 1312+32 1360+64
present 1456+48 1520+16 1537+31 1584+32 1632+16 1664+16 1712+64 1808+95
vma 00b6f000-00b71000 r-xp file /usr/bin/node
present 0+2
vma 00b72000-025fe000 r-xp file /usr/bin/node
present 0+16 30+352 398+80 494+64 574+272 862+144 1022+896 1950+64
present 2078+272 2366+288 2670+48 2798+16 3070+32 3118+32 3182+144 3374+320
present 3710+80 3806+32 3902+144 4062+432 4526+80 4814+48 5054+16 5086+16
present 5182+32 5262+16 5310+48 5374+48 5454+96 5566+64 5646+400 6062+16
present 6094+224 6334+192 6782+14
vma 02600000-02601000 r-xp file /usr/bin/node
vma 02601000-0563a000 r--p file /usr/bin/node
present 0+95 111+112 463+16 511+28 540+35 591+16 671+16 735+16
present 783+48 863+16 895+32 943+16 1055+32 1103+16 1199+16 1231+16
present 1311+16 1439+336 1823+608 2959+16 2991+64 3151+32 3215+16 3247+128
present 9167+32 9231+16 11375+16 11407+112
vma 0563a000-0563e000 r--p file /usr/bin/node
present 0+4
vma 0563e000-0565d000 rw-p file /usr/bin/node
present 0+31
vma 0565d000-05689000 rw-p anon
present 0+14 17+27
vma 07bd2000-091fd000 rw-p anon [heap]
present 0 17+453 471+103 578+92 674+4985
vma 2ac4c0000-2ac500000 rw-p anon
present 0+64
vma 666440000-666480000 rw-p anon
present 0+64
vma 1662500000-1662540000 rw-p anon
present 0+64
vma 2a7c180000-2a7c1c0000 rw-p anon
present 0+64
vma 2e704c0000-2e70500000 rw-p anon
present 0+64
vma 31c9340000-31c9380000 rw-p anon
present 0+64
vma 3b8a180000-3b8a1c0000 rw-p anon
present 0+64
vma 3f0c0c0000-3f0c100000 rw-p anon
present 0+64
vma 48183c0000-4818400000 rw-p anon
present 0+64
vma 534c6c0000-534c700000 rw-p anon
present 0+64
vma 5544640000-5544680000 rw-p anon
present 0+64
vma 57f5800000-57f5840000 rw-p anon
present 0+64
vma 5c59ac0000-5c59b00000 rw-p anon
present 0+64
vma 601b300000-601b340000 rw-p anon
present 0+64
vma 61a5780000-61a57c0000 rw-p anon
present 0+64
vma 6e757c0000-6e75800000 rw-p anon
present 0+64
vma 71bc880000-71bc8c0000 rw-p anon
present 0+64
vma 761b300000-761b340000 rw-p anon
present 0+64
vma 7e7d800000-7e7d840000 rw-p anon
present 0+64
vma 8959d80000-8959dc0000 rw-p anon
present 0+64
vma 9aa0ac0000-9aa0b00000 rw-p anon
present 0+64
vma a700fc0000-a701000000 rw-p anon
present 0+64
vma a757380000-a7573c0000 rw-p anon
present 0+64
vma b6f9600000-b6f9640000 rw-p anon
present 0+64
vma b78e500000-b78e540000 rw-p anon
present 0+64
vma c97cd80000-c97cdc0000 rw-p anon
present 0+64
vma d23f0c0000-d23f100000 rw-p anon
present 0+64
vma dca2680000-dca26c0000 rw-p anon
present 0+64
vma e291380000-e2913c0000 rw-p anon
present 0+64
vma e5f9f00000-e5f9f40000 rw-p anon
present 0+64
vma f446840000-f446880000 rw-p anon
present 0+64
vma fcb9280000-fcb92c0000 rw-p anon
present 0+64
vma fea7880000-fea78c0000 rw-p anon
present 0+64
vma 1004d8c0000-1004d900000 rw-p anon
present 0+64
vma 10753c80000-10753cc0000 rw-p anon
present 0+64
vma 10925880000-109258c0000 rw-p anon
present 0+64
vma 109b1c80000-109b1cc0000 rw-p anon
present 0+64
vma 1224f800000-1224f840000 rw-p anon
present 0+64
vma 12e7a600000-12e7a640000 rw-p anon
present 0+64
vma 134d3b40000-134d3b80000 rw-p anon
present 0+64
vma 140853c0000-14085400000 rw-p anon
present 0+64
vma 1461d980000-1461d9c0000 rw-p anon
present 0+64
vma 1511e680000-1511e6c0000 rw-p anon
present 0+64
vma 152f4a00000-152f4a40000 rw-p anon
present 0+64
vma 15ab7680000-15ab76c0000 rw-p anon
present 0+64
vma 15ba9b00000-15ba9b40000 rw-p anon
present 0+64
vma 16429c00000-16429c40000 rw-p anon
present 0+64
vma 167dfd00000-167dfd40000 rw-p anon
present 0+64
vma 171583c0000-17158400000 rw-p anon
present 0+64
vma 17557b40000-17557b80000 rw-p anon
present 0+64
vma 17971680000-179716c0000 rw-p anon
present 0+64
vma 1871edc0000-1871ee00000 rw-p anon
present 0+64
vma 19b6f6c0000-19b6f700000 rw-p anon
present 0+64
vma 19f9f7c0000-19f9f800000 rw-p anon
present 0+64
vma 1a20e240000-1a20e280000 rw-p anon
present 0+64
vma 1b2e6480000-1b2e64c0000 rw-p anon
present 0+64
vma 1b710700000-1b710740000 rw-p anon
present 0+64
vma 1bd8c140000-1bd8c180000 rw-p anon
present 0+64
vma 1bde8780000-1bde87c0000 rw-p anon
present 0+64
vma 1c2a6580000-1c2a65c0000 rw-p anon
present 0+64
vma 1c7e9680000-1c7e96c0000 rw-p anon
present 0+64
vma 1c81c040000-1c81c080000 rw-p anon
present 0+64
vma 1cb09880000-1cb098c0000 rw-p anon
present 0+64
vma 1d187980000-1d1879c0000 rw-p anon
present 0+64
vma 1e59f200000-1e59f240000 rw-p anon
present 0+64
vma 1f0cd500000-1f0cd540000 rw-p anon
present 0+64
vma 1f7c9100000-1f7c9140000 rw-p anon
present 0+64
vma 1f7f0740000-1f7f0780000 rw-p anon
present 0+64
vma 1ff74040000-1ff74080000 rw-p anon
present 0+64
vma 206eec00000-206eec40000 rw-p anon
present 0+64
vma 20ab1ec0000-20ab1f00000 rw-p anon
present 0+64
vma 21068780000-210687c0000 rw-p anon
present 0+64
vma 22393580000-223935c0000 rw-p anon
present 0+64
vma 226eb880000-226eb8c0000 rw-p anon
present 0+64
vma 23294980000-232949c0000 rw-p anon
present 0+64
vma 234b7e40000-234b7e80000 rw-p anon
present 0+64
vma 241c26c0000-241c2700000 rw-p anon
present 0+64
vma 242e0a40000-242e0a80000 rw-p anon
present 0+64
vma 24334100000-24334140000 rw-p anon
present 0+64
vma 2469c300000-2469c340000 rw-p anon
present 0+64
vma 24cfc7c0000-24cfc800000 rw-p anon
present 0+64
vma 24f7ef00000-24f7ef40000 rw-p anon
present 0+64
vma 2854f400000-2854f440000 rw-p anon
present 0+64
vma 287ad680000-287ad6c0000 rw-p anon
present 0+64
vma 290acfc0000-290ad000000 rw-p anon
present 0+64
vma 294b8580000-294b85c0000 rw-p anon
present 0+64
vma 29511880000-295118c0000 rw-p anon
present 0+64
vma 29562ec0000-29562f00000 rw-p anon
present 0+64
vma 2a458bc0000-2a458c00000 rw-p anon
present 0+64
vma 2a96cdc0000-2a96ce00000 rw-p anon
present 0+64
vma 2abf5500000-2abf5540000 rw-p anon
present 0+64
vma 2b29fac0000-2b29fb00000 rw-p anon
present 0+64
vma 2b90fb40000-2b90fb80000 rw-p anon
present 0+64
vma 2c0f1700000-2c0f1740000 rw-p anon
present 0+64
vma 2c20df80000-2c20dfc0000 rw-p anon
present 0+64
vma 2c5080c0000-2c508100000 rw-p anon
present 0+64
vma 2cdbcb80000-2cdbcbc0000 rw-p anon
present 0+64
vma 2cf02500000-2cf02540000 rw-p anon
present 0+64
vma 2d63b700000-2d63b740000 rw-p anon
present 0+64
vma 2e4b7480000-2e4b74c0000 rw-p anon
present 0+64
vma 2ef5d100000-2ef5d140000 rw-p anon
present 0+64
vma 2fed2e00000-2fed2e40000 rw-p anon
present 0+64
vma 30382f80000-30382fc0000 rw-p anon
present 0+64
vma 30da4dc0000-30da4e00000 rw-p anon
present 0+64
vma 31151000000-31151040000 rw-p anon
present 0+64
vma 329192c0000-32919300000 rw-p anon
present 0+64
vma 32a6b500000-32a6b540000 rw-p anon
present 0+64
vma 331794c0000-33179500000 rw-p anon
present 0+64
vma 33829100000-33829140000 rw-p anon
present 0+64
vma 33ea6e40000-33ea6e80000 rw-p anon
present 0+64
vma 35289540000-35289580000 rw-p anon
present 0+64
vma 369ba840000-369ba880000 rw-p anon
present 0+64
vma 36a3b800000-36a3b840000 rw-p anon
present 0+64
vma 36c232c0000-36c23300000 rw-p anon
present 0+64
vma 3722c280000-3722c2c0000 rw-p anon
present 0+64
vma 37b58000000-37b58040000 rw-p anon
present 0+64
vma 38073940000-38073980000 rw-p anon
present 0+64
vma 384dafc0000-384db000000 rw-p anon
present 0+64
vma 38572f80000-38572fc0000 rw-p anon
present 0+64
vma 39d99a00000-39d99a40000 rw-p anon
present 0+64
vma 3adf6280000-3adf62c0000 rw-p anon
present 0+64
vma 3c5e1080000-3c5e10c0000 rw-p anon
present 0+64
vma 3c93ae80000-3c93aec0000 rw-p anon
present 0+64
vma 3cd90800000-3cd90840000 rw-p anon
present 0+64
vma 3dd1ea00000-3dd1ea40000 rw-p anon
present 0+64
vma 3e6a5100000-3e6a5140000 rw-p anon
present 0+64
vma 3e975c00000-3e975c40000 rw-p anon
present 0+64
vma 3ef61d40000-3ef61d80000 rw-p anon
present 0+64
vma 3f1c9540000-3f1c9580000 rw-p anon
present 0+64
vma 3fa3e600000-3fa3e640000 rw-p anon
present 0+64
vma 3fcdf740000-3fcdf780000 rw-p anon
present 0+64
vma 3ff845c0000-3ff84600000 rw-p anon
present 0+64
vma 420db9c0000-420dba00000 rw-p anon
present 0+64
vma 4297ecc0000-4297ed00000 rw-p anon
present 0+64
vma 42c00640000-42c00680000 rw-p anon
present 0+64
vma 4375ab00000-4375ab40000 rw-p anon
present 0+64
vma 445d0640000-445d0680000 rw-p anon
present 0+64
vma 44a3fe80000-44a3fec0000 rw-p anon
present 0+64
vma 45046d80000-45046dc0000 rw-p anon
present 0+64
vma 45678cc0000-45678d00000 rw-p anon
present 0+64
vma 460a5080000-460a50c0000 rw-p anon
present 0+64
vma 464e1940000-464e1980000 rw-p anon
present 0+64
vma 478d0d40000-478d0d80000 rw-p anon
present 0+64
vma 478e4640000-478e4680000 rw-p anon
present 0+64
vma 480afc00000-480afc40000 rw-p anon
present 0+64
vma 483c0ec0000-483c0f00000 rw-p anon
present 0+64
vma 4872dc40000-4872dc80000 rw-p anon
present 0+64
vma 494afe80000-494afec0000 rw-p anon
present 0+64
vma 498ebac0000-498ebb00000 rw-p anon
present 0+64
vma 4a539580000-4a5395c0000 rw-p anon
present 0+64
vma 4ae0b040000-4ae0b080000 rw-p anon
present 0+64
vma 4b1a1380000-4b1a13c0000 rw-p anon
present 0+64
vma 4b7b4cc0000-4b7b4d00000 rw-p anon
present 0+64
vma 4bdb9d80000-4bdb9dc0000 rw-p anon
present 0+64
vma 4be6fd40000-4be6fd80000 rw-p anon
present 0+64
vma 4c6ad640000-4c6ad680000 rw-p anon
present 0+64
vma 4c7e4200000-4c7e4240000 rw-p anon
present 0+64
vma 4cd8ab80000-4cd8abc0000 rw-p anon
present 0+64
vma 4d833040000-4d833080000 rw-p anon
present 0+64
vma 4e48cf80000-4e48cfc0000 rw-p anon
present 0+64
vma 4f1a75c0000-4f1a7600000 rw-p anon
present 0+64
vma 4f475580000-4f4755c0000 rw-p anon
present 0+64
vma 50153840000-50153880000 rw-p anon
present 0+64
vma 50406000000-50406040000 rw-p anon
present 0+64
vma 50b03ec0000-50b03f00000 rw-p anon
present 0+64
vma 50c45c40000-50c45c80000 rw-p anon
present 0+64
vma 51793780000-517937c0000 rw-p anon
present 0+64
vma 51de8c00000-51de8c40000 rw-p anon
present 0+64
vma 51e6abc0000-51e6ac00000 rw-p anon
present 0+64
vma 52261d80000-52261dc0000 rw-p anon
present 0+64
vma 527233c0000-52723400000 rw-p anon
present 0+64
vma 52bb23c0000-52bb2400000 rw-p anon
present 0+64
vma 5313ca80000-5313cac0000 rw-p anon
present 0+64
vma 5314adc0000-5314ae00000 rw-p anon
present 0+64
vma 54e810c0000-54e81100000 rw-p anon
present 0+64
vma 559015c0000-55901600000 rw-p anon
present 0+64
vma 55be8300000-55be8340000 rw-p anon
present 0+64
vma 55e01b00000-55e01b40000 rw-p anon
present 0+64
vma 567baa00000-567baa40000 rw-p anon
present 0+64
vma 569d3b80000-569d3bc0000 rw-p anon
present 0+64
vma 56ca5280000-56ca52c0000 rw-p anon
present 0+64
vma 56f58480000-56f584c0000 rw-p anon
present 0+64
vma 57149740000-57149780000 rw-p anon
present 0+64
vma 571c2940000-571c2980000 rw-p anon
present 0+64
vma 5722b2c0000-5722b300000 rw-p anon
present 0+64
vma 572d2900000-572d2940000 rw-p anon
present 0+64
vma 573a4e00000-573a4e40000 rw-p anon
present 0+64
vma 5781d940000-5781d980000 rw-p anon
present 0+64
vma 588a4140000-588a4180000 rw-p anon
present 0+64
vma 5aa2db00000-5aa2db40000 rw-p anon
present 0+64
vma 5aa32900000-5aa32940000 rw-p anon
present 0+64
vma 5b1306c0000-5b130700000 rw-p anon
present 0+64
vma 5b418c40000-5b418c80000 rw-p anon
present 0+64
vma 5c575a00000-5c575a40000 rw-p anon
present 0+64
vma 5d004840000-5d004880000 rw-p anon
present 0+64
vma 5de20cc0000-5de20d00000 rw-p anon
present 0+64
vma 5de54680000-5de546c0000 rw-p anon
present 0+64
vma 5ee44940000-5ee44980000 rw-p anon
present 0+64
vma 5ef8e680000-5ef8e6c0000 rw-p anon
present 0+64
vma 5f58d480000-5f58d4c0000 rw-p anon
present 0+64
vma 5f7dfc00000-5f7dfc40000 rw-p anon
present 0+64
vma 5fc80940000-5fc80980000 rw-p anon
present 0+64
vma 5feea480000-5feea4c0000 rw-p anon
present 0+64
vma 6006f080000-6006f0c0000 rw-p anon
present 0+64
vma 602df0c0000-602df100000 rw-p anon
present 0+64
vma 602e1180000-602e11c0000 rw-p anon
present 0+64
vma 610483c0000-61048400000 rw-p anon
present 0+64
vma 61239500000-61239540000 rw-p anon
present 0+64
vma 6186b400000-6186b440000 rw-p anon
present 0+64
vma 61c009c0000-61c00a00000 rw-p anon
present 0+64
vma 61d83040000-61d83080000 rw-p anon
present 0+64
vma 6220d7c0000-6220d800000 rw-p anon
present 0+64
vma 6235ae80000-6235aec0000 rw-p anon
present 0+64
vma 62437d00000-62437d40000 rw-p anon
present 0+64
vma 63802180000-638021c0000 rw-p anon
present 0+64
vma 63d06340000-63d06380000 rw-p anon
present 0+64
vma 6427cc00000-6427cc40000 rw-p anon
present 0+64
vma 64529c80000-64529cc0000 rw-p anon
present 0+64
vma 6673f080000-6673f0c0000 rw-p anon
present 0+64
vma 667a30c0000-667a3100000 rw-p anon
present 0+64
vma 66fa4440000-66fa4480000 rw-p anon
present 0+64
vma 67070440000-67070480000 rw-p anon
present 0+64
vma 6769d500000-6769d540000 rw-p anon
present 0+64
vma 67aec240000-67aec280000 rw-p anon
present 0+64
vma 682888c0000-68288900000 rw-p anon
present 0+64
vma 684fb440000-684fb480000 rw-p anon
present 0+64
vma 69af4b80000-69af4bc0000 rw-p anon
present 0+64
vma 69b2bac0000-69b2bb00000 rw-p anon
present 0+64
vma 69c3f100000-69c3f140000 rw-p anon
present 0+64
vma 69daab80000-69daabc0000 rw-p anon
present 0+64
vma 69fc5c80000-69fc5cc0000 rw-p anon
present 0+64
vma 6a1cd000000-6a1cd040000 rw-p anon
present 0+64
vma 6a206c00000-6a206c40000 rw-p anon
present 0+64
vma 6a3d3740000-6a3d3780000 rw-p anon
present 0+64
vma 6a4ebd80000-6a4ebdc0000 rw-p anon
present 0+64
vma 6a8e0280000-6a8e02c0000 rw-p anon
present 0+64
vma 6ab03800000-6ab03840000 rw-p anon
present 0+64
vma 6ac61ec0000-6ac61f00000 rw-p anon
present 0+64
vma 6aec9a40000-6aec9a80000 rw-p anon
present 0+64
vma 6c8cea40000-6c8cea80000 rw-p anon
present 0+64
vma 6ca07780000-6ca077c0000 rw-p anon
present 0+64
vma 6caa5040000-6caa5080000 rw-p anon
present 0+64
vma 6d2af0c0000-6d2af100000 rw-p anon
present 0+64
vma 6d525a00000-6d525a40000 rw-p anon
present 0+64
vma 6f56d700000-6f56d740000 rw-p anon
present 0+64
vma 6f882780000-6f8827c0000 rw-p anon
present 0+64
vma 6fff94c0000-6fff9500000 rw-p anon
present 0+64
vma 702cdfc0000-702ce000000 rw-p anon
present 0+64
vma 70761dc0000-70761e00000 rw-p anon
present 0+64
vma 71372700000-71372740000 rw-p anon
present 0+64
vma 71d0b800000-71d0b840000 rw-p anon
present 0+64
vma 7323bd80000-7323bdc0000 rw-p anon
present 0+64
vma 7357db00000-7357db40000 rw-p anon
present 0+64
vma 744ccbc0000-744ccc00000 rw-p anon
present 0+64
vma 75281d80000-75281dc0000 rw-p anon
present 0+64
vma 757cb980000-757cb9c0000 rw-p anon
present 0+64
vma 75adb640000-75adb680000 rw-p anon
present 0+64
vma 75fa5d40000-75fa5d80000 rw-p anon
present 0+64
vma 771ebf40000-771ebf80000 rw-p anon
present 0+64
vma 7873dbc0000-7873dc00000 rw-p anon
present 0+64
vma 78a60c00000-78a60c40000 rw-p anon
present 0+64
vma 78f1a5c0000-78f1a600000 rw-p anon
present 0+64
vma 78f57580000-78f575c0000 rw-p anon
present 0+64
vma 79394b00000-79394b40000 rw-p anon
present 0+64
vma 7973f9c0000-7973fa00000 rw-p anon
present 0+64
vma 7981cdc0000-7981ce00000 rw-p anon
present 0+64
vma 79863e40000-79863e80000 rw-p anon
present 0+64
vma 7ade1540000-7ade1580000 rw-p anon
present 0+64
vma 7b228d00000-7b228d40000 rw-p anon
present 0+64
vma 7b3603c0000-7b360400000 rw-p anon
present 0+64
vma 7b370600000-7b370640000 rw-p anon
present 0+64
vma 7bb2b440000-7bb2b480000 rw-p anon
present 0+64
vma 7bf2b900000-7bf2b940000 rw-p anon
present 0+64
vma 7c3b50c0000-7c3b50f8000 rw-p anon
present 0+56
vma 7cd54c00000-7cd54c40000 rw-p anon
present 0+64
vma 7d0dffc0000-7d0e0000000 rw-p anon
present 0+64
vma 7d7ce840000-7d7ce880000 rw-p anon
present 0+64
vma 7d989e80000-7d989ec0000 rw-p anon
present 0+64
vma 7eafe140000-7eafe180000 rw-p anon
present 0+64
vma 7eb9f0c0000-7eb9f100000 rw-p anon
present 0+64
vma 7ec724c0000-7ec72500000 rw-p anon
present 0+64
vma 7efa3f80000-7efa3fc0000 rw-p anon
present 0+64
vma 7fa1c680000-7fa1c6c0000 rw-p anon
present 0+64
vma 811e9980000-811e99c0000 rw-p anon
present 0+64
vma 81b20ac0000-81b20b00000 rw-p anon
present 0+64
vma 825d6340000-825d6380000 rw-p anon
present 0+64
vma 82d735c0000-82d73600000 rw-p anon
present 0+64
vma 839b3a80000-839b3ac0000 rw-p anon
present 0+64
vma 83d66080000-83d660c0000 rw-p anon
present 0+64
vma 842c0640000-842c0680000 rw-p anon
present 0+64
vma 8453e1c0000-8453e200000 rw-p anon
present 0+64
vma 849dca80000-849dcac0000 rw-p anon
present 0+64
vma 84a41280000-84a412c0000 rw-p anon
present 0+64
vma 850a4f40000-850a4f80000 rw-p anon
present 0+64
vma 85973500000-85973540000 rw-p anon
present 0+64
vma 86b53cc0000-86b53d00000 rw-p anon
present 0+64
vma 86f30bc0000-86f30c00000 rw-p anon
present 0+64
vma 87cc6600000-87cc6640000 rw-p anon
present 0+64
vma 8ada3300000-8ada3340000 rw-p anon
present 0+64
vma 8be41fc0000-8be42000000 rw-p anon
present 0+64
vma 8bf63bc0000-8bf63c00000 rw-p anon
present 0+64
vma 8c0179c0000-8c017a00000 rw-p anon
present 0+64
vma 8cf62f80000-8cf62fc0000 rw-p anon
present 0+64
vma 8d35b140000-8d35b180000 rw-p anon
present 0+64
vma 8db00140000-8db00180000 rw-p anon
present 0+64
vma 8df06e00000-8df06e40000 rw-p anon
present 0+64
vma 8e168400000-8e168440000 rw-p anon
present 0+64
vma 8e36a6c0000-8e36a700000 rw-p anon
present 0+64
vma 8e396740000-8e396780000 rw-p anon
present 0+64
vma 8ebb9080000-8ebb90c0000 rw-p anon
present 0+64
vma 8ed5f4c0000-8ed5f500000 rw-p anon
present 0+64
vma 8f898500000-8f898540000 rw-p anon
present 0+64
vma 8fb38540000-8fb38580000 rw-p anon
present 0+64
vma 8fbbc3c0000-8fbbc400000 rw-p anon
present 0+64
vma 902a26c0000-902a2700000 rw-p anon
present 0+64
vma 90f09700000-90f09740000 rw-p anon
present 0+64
vma 914e20c0000-914e2100000 rw-p anon
present 0+64
vma 91ad8e00000-91ad8e40000 rw-p anon
present 0+64
vma 91c682c0000-91c68300000 rw-p anon
present 0+64
vma 91e2c440000-91e2c480000 rw-p anon
present 0+64
vma 91fd3c80000-91fd3cc0000 rw-p anon
present 0+64
vma 9288de00000-9288de40000 rw-p anon
present 0+64
vma 92a35780000-92a357c0000 rw-p anon
present 0+64
vma 93b73f40000-93b73f80000 rw-p anon
present 0+64
vma 9488f0c0000-9488f100000 rw-p anon
present 0+64
vma 94b81700000-94b81740000 rw-p anon
present 0+64
vma 94d5abc0000-94d5ac00000 rw-p anon
present 0+64
vma 95060180000-950601c0000 rw-p anon
present 0+64
vma 95653040000-95653080000 rw-p anon
present 0+64
vma 95896480000-958964c0000 rw-p anon
present 0+64
vma 965d2fc0000-965d3000000 rw-p anon
present 0+64
vma 9a275940000-9a275980000 rw-p anon
present 0+64
vma 9a6f6580000-9a6f65c0000 rw-p anon
present 0+64
vma 9a780a00000-9a780a40000 rw-p anon
present 0+64
vma 9a9b7d00000-9a9b7d0d000 r--p anon
present 0+13
vma 9acc61c0000-9acc6200000 rw-p anon
present 0+64
vma 9b4cd740000-9b4cd780000 rw-p anon
present 0+64
vma 9b5abe40000-9b5abe80000 rw-p anon
present 0+64
vma 9baa4d00000-9baa4d40000 rw-p anon
present 0+64
vma 9c150500000-9c150540000 rw-p anon
present 0+64
vma 9c32de80000-9c32dec0000 rw-p anon
present 0+64
vma 9c6f0f40000-9c6f0f80000 rw-p anon
present 0+64
vma 9cf9e480000-9cf9e4c0000 rw-p anon
present 0+64
vma 9d1e5b00000-9d1e5b40000 rw-p anon
present 0+64
vma 9d24cc80000-9d24ccc0000 rw-p anon
present 0+64
vma 9dc33900000-9dc33940000 rw-p anon
present 0+64
vma 9e016dc0000-9e016e00000 rw-p anon
present 0+64
vma 9e019b80000-9e019bc0000 rw-p anon
present 0+64
vma 9e1d6380000-9e1d63c0000 rw-p anon
present 0+64
vma 9e68e500000-9e68e540000 rw-p anon
present 0+64
vma 9f9e8300000-9f9e8340000 rw-p anon
present 0+64
vma 9fd4f680000-9fd4f6c0000 rw-p anon
present 0+64
vma a0c20600000-a0c20640000 rw-p anon
present 0+64
vma a218c680000-a218c6c0000 rw-p anon
present 0+64
vma a28df5c0000-a28df600000 rw-p anon
present 0+64
vma a3880d40000-a3880d80000 rw-p anon
present 0+64
vma a4394f80000-a4394fc0000 rw-p anon
present 0+64
vma a48357c0000-a4835800000 rw-p anon
present 0+64
vma a647c040000-a647c080000 rw-p anon
present 0+64
vma a7b54840000-a7b54880000 rw-p anon
present 0+64
vma a81ef880000-a81ef8c0000 rw-p anon
present 0+64
vma a873ba00000-a873ba40000 rw-p anon
present 0+64
vma a9cbed00000-a9cbed40000 rw-p anon
present 0+64
vma aa058340000-aa058380000 rw-p anon
present 0+64
vma aa2d06c0000-aa2d0700000 rw-p anon
present 0+64
vma aaadf940000-aaadf980000 rw-p anon
present 0+64
vma aadfe100000-aadfe140000 rw-p anon
present 0+64
vma ab3c8ac0000-ab3c8b00000 rw-p anon
present 0+64
vma abdbce40000-abdbce80000 rw-p anon
present 0+64
vma abf38200000-abf38240000 rw-p anon
present 0+64
vma abfb9e40000-abfb9e80000 rw-p anon
present 0+64
vma acde1040000-acde1080000 rw-p anon
present 0+64
vma ace6e780000-ace6e7c0000 rw-p anon
present 0+64
vma aceccb40000-aceccb80000 rw-p anon
present 0+64
vma ad81ea00000-ad81ea40000 rw-p anon
present 0+64
vma adb8d400000-adb8d440000 rw-p anon
present 0+64
vma ae1f7480000-ae1f74c0000 rw-p anon
present 0+64
vma ae5dcf00000-ae5dcf40000 rw-p anon
present 0+64
vma ae68b7c0000-ae68b800000 rw-p anon
present 0+64
vma aea18400000-aea18440000 rw-p anon
present 0+64
vma af235bc0000-af235c00000 rw-p anon
present 0+64
vma af945600000-af945640000 rw-p anon
present 0+64
vma b0c60d00000-b0c60d40000 rw-p anon
present 0+64
vma b0c95200000-b0c95240000 rw-p anon
present 0+64
vma b1a8b440000-b1a8b480000 rw-p anon
present 0+64
vma b354db40000-b354db80000 rw-p anon
present 0+64
vma b47ecc00000-b47ecc40000 rw-p anon
present 0+64
vma b4d78e40000-b4d78e80000 rw-p anon
present 0+64
vma b4ed1d40000-b4ed1d80000 rw-p anon
present 0+64
vma b4fdf840000-b4fdf880000 rw-p anon
present 0+64
vma b53cd080000-b53cd0c0000 rw-p anon
present 0+64
vma b548d040000-b548d080000 rw-p anon
present 0+64
vma b5804c80000-b5804cc0000 rw-p anon
present 0+64
vma b5b22cc0000-b5b22d00000 rw-p anon
present 0+64
vma b5d82080000-b5d820c0000 rw-p anon
present 0+64
vma b5de8440000-b5de8480000 rw-p anon
present 0+64
vma b61bb980000-b61bb9c0000 rw-p anon
present 0+64
vma b620bb00000-b620bb40000 rw-p anon
present 0+64
vma b6274140000-b6274180000 rw-p anon
present 0+64
vma b6f5dc00000-b6f5dc40000 rw-p anon
present 0+64
vma b72405c0000-b7240600000 rw-p anon
present 0+64
vma b75b0500000-b75b0540000 rw-p anon
present 0+64
vma b81e4400000-b81e4440000 rw-p anon
present 0+64
vma b85a9300000-b85a9340000 rw-p anon
present 0+64
vma b87aacc0000-b87aad00000 rw-p anon
present 0+64
vma b88f6340000-b88f6380000 rw-p anon
present 0+64
vma b8aace80000-b8aacec0000 rw-p anon
present 0+64
vma b8d9a080000-b8d9a0c0000 rw-p anon
present 0+64
vma b9d0a940000-b9d0a980000 rw-p anon
present 0+64
vma bac3e440000-bac3e480000 rw-p anon
present 0+64
vma bb09b800000-bb09b840000 rw-p anon
present 0+64
vma bb288e00000-bb288e40000 rw-p anon
present 0+64
vma bb2dfc00000-bb2dfc40000 rw-p anon
present 0+64
vma bc099ec0000-bc099f00000 rw-p anon
present 0+64
vma bc7e8240000-bc7e8280000 rw-p anon
present 0+64
vma bcc23ec0000-bcc23f00000 rw-p anon
present 0+64
vma bd328900000-bd328940000 rw-p anon
present 0+64
vma bd3c6c80000-bd3c6cc0000 rw-p anon
present 0+64
vma bd9c6fc0000-bd9c7000000 rw-p anon
present 0+64
vma be11da00000-be11da40000 rw-p anon
present 0+64
vma bec77480000-bec774c0000 rw-p anon
present 0+64
vma bf0cc240000-bf0cc280000 rw-p anon
present 0+64
vma bf37c900000-bf37c940000 rw-p anon
present 0+64
vma c09b9d40000-c09b9d80000 rw-p anon
present 0+64
vma c0b51200000-c0b51240000 rw-p anon
present 0+64
vma c184f6c0000-c184f700000 rw-p anon
present 0+64
vma c29a8480000-c29a84c0000 rw-p anon
present 0+64
vma c2b66dc0000-c2b66e00000 rw-p anon
present 0+64
vma c2cb8400000-c2cb8440000 rw-p anon
present 0+64
vma c2f6d200000-c2f6d240000 rw-p anon
present 0+64
vma c3a88040000-c3a88080000 rw-p anon
present 0+64
vma c3b6f580000-c3b6f5c0000 rw-p anon
present 0+64
vma c3c098c0000-c3c09900000 rw-p anon
present 0+64
vma c4b5b1c0000-c4b5b200000 rw-p anon
present 0+64
vma c5b32540000-c5b32580000 rw-p anon
present 0+64
vma c634b240000-c634b280000 rw-p anon
present 0+64
vma c63fd580000-c63fd5c0000 rw-p anon
present 0+64
vma c6976c80000-c6976cc0000 rw-p anon
present 0+64
vma c7030600000-c7030640000 rw-p anon
present 0+64
vma c9b67c00000-c9b67c40000 rw-p anon
present 0+64
vma ca1f6c80000-ca1f6cc0000 rw-p anon
present 0+64
vma ca542640000-ca542680000 rw-p anon
present 0+64
vma ca5e7f80000-ca5e7fc0000 rw-p anon
present 0+64
vma ca97a700000-ca97a740000 rw-p anon
present 0+64
vma cb14e780000-cb14e7c0000 rw-p anon
present 0+64
vma cb2e0640000-cb2e0680000 rw-p anon
present 0+64
vma ccc36b40000-ccc36b80000 rw-p anon
present 0+64
vma cd200740000-cd200780000 rw-p anon
present 0+64
vma cd2edfc0000-cd2ee000000 rw-p anon
present 0+64
vma ce15f480000-ce15f4c0000 rw-p anon
present 0+64
vma ce239380000-ce2393c0000 rw-p anon
present 0+64
vma cea8b280000-cea8b2c0000 rw-p anon
present 0+64
vma ceddcc80000-ceddccc0000 rw-p anon
present 0+64
vma cf185580000-cf1855c0000 rw-p anon
present 0+64
vma d00fb380000-d00fb3c0000 rw-p anon
present 0+64
vma d0ef1400000-d0ef1440000 rw-p anon
present 0+64
vma d10b6e40000-d10b6e80000 rw-p anon
present 0+64
vma d13be0c0000-d13be100000 rw-p anon
present 0+64
vma d1816540000-d1816580000 rw-p anon
present 0+64
vma d1bd4280000-d1bd42c0000 rw-p anon
present 0+64
vma d259d8c0000-d259d900000 rw-p anon
present 0+64
vma d271b700000-d271b740000 rw-p anon
present 0+64
vma d2804f80000-d2804fc0000 rw-p anon
present 0+64
vma d28856c0000-d2885700000 rw-p anon
present 0+64
vma d2a47440000-d2a47480000 rw-p anon
present 0+64
vma d30ee1c0000-d30ee62e000 rw-p anon
present 0+1134
vma d368aa80000-d368aac0000 rw-p anon
present 0+64
vma d4b92a80000-d4b92ac0000 rw-p anon
present 0+64
vma d56adf80000-d56adfc0000 rw-p anon
present 0+64
vma d5907f00000-d5907f40000 rw-p anon
present 0+64
vma d614f340000-d614f380000 rw-p anon
present 0+64
vma d823d9c0000-d823da00000 rw-p anon
present 0+64
vma d8310140000-d8310180000 rw-p anon
present 0+64
vma d8ca8700000-d8ca8740000 rw-p anon
present 0+64
vma d8f3fcc0000-d8f3fd00000 rw-p anon
present 0+64
vma d99b9400000-d99b9440000 rw-p anon
present 0+64
vma da0f9700000-da0f9740000 rw-p anon
present 0+64
vma da574500000-da574540000 rw-p anon
present 0+64
vma da69c340000-da69c380000 rw-p anon
present 0+64
vma db0cb8c0000-db0cb900000 rw-p anon
present 0+64
vma db82e680000-db82e6c0000 rw-p anon
present 0+64
vma dbb845c0000-dbb84600000 rw-p anon
present 0+64
vma dbd8a380000-dbd8a3c0000 rw-p anon
present 0+64
vma dc02dd00000-dc02dd40000 rw-p anon
present 0+64
vma dc266100000-dc266140000 rw-p anon
present 0+64
vma dcfb3300000-dcfb3340000 rw-p anon
present 0+64
vma debdd080000-debdd0c0000 rw-p anon
present 0+64
vma df5240c0000-df524100000 rw-p anon
present 0+64
vma e033bbc0000-e033bc00000 rw-p anon
present 0+64
vma e055cf00000-e055cf40000 rw-p anon
present 0+64
vma e091a300000-e091a340000 rw-p anon
present 0+64
vma e16e6780000-e16e67c0000 rw-p anon
present 0+64
vma e1ecc180000-e1ecc1c0000 rw-p anon
present 0+64
vma e1f4ac80000-e1f4acc0000 rw-p anon
present 0+64
vma e26e3180000-e26e31c0000 rw-p anon
present 0+64
vma e2c63180000-e2c631c0000 rw-p anon
present 0+64
vma e2fecbc0000-e2fecc00000 rw-p anon
present 0+64
vma e3511580000-e35115c0000 rw-p anon
present 0+64
vma e35d3fc0000-e35d4000000 rw-p anon
present 0+64
vma e37cc640000-e37cc680000 rw-p anon
present 0+64
vma e3a8da80000-e3a8dac0000 rw-p anon
present 0+64
vma e40e5180000-e40e51c0000 rw-p anon
present 0+64
vma e4772480000-e47724c0000 rw-p anon
present 0+64
vma e4ab4780000-e4ab47c0000 rw-p anon
present 0+64
vma e4cf3140000-e4cf3180000 rw-p anon
present 0+64
vma e5000000000-e5000040000 rw-p anon
present 0+64
vma e516c300000-e516c340000 rw-p anon
present 0+64
vma e5e1d3c0000-e5e1d400000 rw-p anon
present 0+64
vma e62ac840000-e62ac880000 rw-p anon
present 0+64
vma e64c1480000-e64c14c0000 rw-p anon
present 0+64
vma e6810740000-e6810780000 rw-p anon
present 0+64
vma e6c1bac0000-e6c1bb00000 rw-p anon
present 0+64
vma e6fcb240000-e6fcb280000 rw-p anon
present 0+64
vma e79d22c0000-e79d2300000 rw-p anon
present 0+64
vma e7c423c0000-e7c42400000 rw-p anon
present 0+64
vma e7deb9c0000-e7deba00000 rw-p anon
present 0+64
vma e81d26c0000-e81d2700000 rw-p anon
present 0+64
vma e8b91f80000-e8b91fc0000 rw-p anon
present 0+64
vma e9ede640000-e9ede680000 rw-p anon
present 0+64
vma ea980e00000-ea980e40000 rw-p anon
present 0+64
vma eb153e40000-eb153e80000 rw-p anon
present 0+64
vma eb20fdc0000-eb20fe00000 rw-p anon
present 0+64
vma eb5bd700000-eb5bd740000 rw-p anon
present 0+64
vma eb612380000-eb6123c0000 rw-p anon
present 0+64
vma eb9e5080000-eb9e50c0000 rw-p anon
present 0+64
vma ec369b00000-ec369b40000 rw-p anon
present 0+64
vma eda58000000-eda58040000 rw-p anon
present 0+64
vma ede9c9c0000-ede9ca00000 rw-p anon
present 0+64
vma ee659500000-ee659540000 rw-p anon
present 0+64
vma eeba84c0000-eeba8500000 rw-p anon
present 0+64
vma ef5ec000000-ef5ec040000 rw-p anon
present 0+64
vma ef6e9900000-ef6e9940000 rw-p anon
present 0+64
vma f02f22c0000-f02f2300000 rw-p anon
present 0+64
vma f0cfddc0000-f0cfde00000 rw-p anon
present 0+64
vma f1392c00000-f1392c40000 rw-p anon
present 0+64
vma f1ced840000-f1ced880000 rw-p anon
present 0+64
vma f1d96100000-f1d96140000 rw-p anon
present 0+64
vma f2e01f40000-f2e01f80000 rw-p anon
present 0+64
vma f37cf640000-f37cf680000 rw-p anon
present 0+64
vma f3912540000-f3912580000 rw-p anon
present 0+64
vma f39ef4c0000-f39ef500000 rw-p anon
present 0+64
vma f3ce7f80000-f3ce7fc0000 rw-p anon
present 0+64
vma f4262900000-f4262940000 rw-p anon
present 0+64
vma f43ca700000-f43ca740000 rw-p anon
present 0+64
vma f63ee200000-f63ee240000 rw-p anon
present 0+64
vma f7164c40000-f7164c80000 rw-p anon
present 0+64
vma f7452d40000-f7452d80000 rw-p anon
present 0+64
vma f7f0fe40000-f7f0fe80000 rw-p anon
present 0+64
vma f83033c0000-f8303400000 rw-p anon
present 0+64
vma f885bdc0000-f885be00000 rw-p anon
present 0+64
vma f9336480000-f93364c0000 rw-p anon
present 0+64
vma f949fe80000-f949fec0000 rw-p anon
present 0+64
vma f94e86c0000-f94e8700000 rw-p anon
present 0+64
vma f96a5440000-f96a5480000 rw-p anon
present 0+64
vma f979da80000-f979dac0000 rw-p anon
present 0+64
vma fa7a2180000-fa7a21c0000 rw-p anon
present 0+64
vma fb005e80000-fb005ec0000 rw-p anon
present 0+64
vma fb22a080000-fb22a0c0000 rw-p anon
present 0+64
vma fb318e00000-fb318e40000 rw-p anon
present 0+64
vma fb34e740000-fb34e780000 rw-p anon
present 0+64
vma fb4f9a40000-fb4fcfc5000 rw-p anon
present 0+13701
vma fc1fa480000-fc1fa4c0000 rw-p anon
present 0+64
vma fc211b80000-fc211bc0000 rw-p anon
present 0+64
vma fc8996c0000-fc899700000 rw-p anon
present 0+64
vma fc925bc0000-fc925c00000 rw-p anon
present 0+64
vma fcee7fc0000-fcee8000000 rw-p anon
present 0+64
vma fd586e00000-fd586e40000 rw-p anon
present 0+64
vma fdb79780000-fdb797c0000 rw-p anon
present 0+64
vma fdbe8dc0000-fdbe8e00000 rw-p anon
present 0+64
vma fe0cfc80000-fe0cfcc0000 rw-p anon
present 0+64
vma fe640640000-fe640680000 rw-p anon
present 0+64
vma ff1ed000000-ff1ed040000 rw-p anon
present 0+64
vma ff79fd40000-ff79fd80000 rw-p anon
present 0+64
vma ffcb7fc0000-ffcb8000000 rw-p anon
present 0+64
vma 100064a00000-100064a40000 rw-p anon
present 0+64
vma 1000f52c0000-1000f5300000 rw-p anon
present 0+64
vma 1006898c0000-100689900000 rw-p anon
present 0+64
vma 1019fc440000-1019fc480000 rw-p anon
present 0+64
vma 103cb3400000-103cb3440000 rw-p anon
present 0+64
vma 103d75bc0000-103d75c00000 rw-p anon
present 0+64
vma 103da3b00000-103da3b40000 rw-p anon
present 0+64
vma 1046221c0000-104622200000 rw-p anon
present 0+64
vma 104ac3e40000-104ac3e80000 rw-p anon
present 0+64
vma 105550300000-105550340000 rw-p anon
present 0+64
vma 1056d2180000-1056d21c0000 rw-p anon
present 0+64
vma 1062b6d00000-1062b6d40000 rw-p anon
present 0+64
vma 1063e1ec0000-1063e1f00000 rw-p anon
present 0+64
vma 106a622c0000-106a62300000 rw-p anon
present 0+64
vma 107228440000-107228480000 rw-p anon
present 0+64
vma 107da8700000-107da8740000 rw-p anon
present 0+64
vma 10803d7c0000-10803d800000 rw-p anon
present 0+64
vma 108385f80000-108385fc0000 rw-p anon
present 0+64
vma 108ad2440000-108ad2480000 rw-p anon
present 0+64
vma 108d4a540000-108d4a580000 rw-p anon
present 0+64
vma 108f4c740000-108f4c780000 rw-p anon
present 0+64
vma 10a9ff340000-10a9ff380000 rw-p anon
present 0+64
vma 10ba34fc0000-10ba35000000 rw-p anon
present 0+64
vma 10c54a8c0000-10c54a900000 rw-p anon
present 0+64
vma 10d21b240000-10d21b280000 rw-p anon
present 0+64
vma 10dfd2180000-10dfd21c0000 rw-p anon
present 0+64
vma 10e204e00000-10e204e40000 rw-p anon
present 0+64
vma 10e53d900000-10e53d940000 rw-p anon
present 0+64
vma 10eafaa00000-10eafaa40000 rw-p anon
present 0+64
vma 10f1ca600000-10f1ca640000 rw-p anon
present 0+64
vma 10f875b00000-10f875b40000 rw-p anon
present 0+64
vma 10fe68b00000-10fe68b40000 rw-p anon
present 0+64
vma 1102a7780000-1102a77c0000 rw-p anon
present 0+64
vma 11074a9c0000-11074aa00000 rw-p anon
present 0+64
vma 1109d46c0000-1109d4700000 rw-p anon
present 0+64
vma 1116bd040000-1116bd080000 rw-p anon
present 0+64
vma 11182fec0000-11182ff00000 rw-p anon
present 0+64
vma 111f658c0000-111f65900000 rw-p anon
present 0+64
vma 112603000000-112603040000 rw-p anon
present 0+64
vma 11275f640000-11275f680000 rw-p anon
present 0+64
vma 112a7d100000-112a7d140000 rw-p anon
present 0+64
vma 112cce9c0000-112ccea00000 rw-p anon
present 0+64
vma 113a7bc00000-113a7bc40000 rw-p anon
present 0+64
vma 114012180000-1140121c0000 rw-p anon
present 0+64
vma 1148a6d40000-1148a6d80000 rw-p anon
present 0+64
vma 115317d40000-115317d80000 rw-p anon
present 0+64
vma 1159d9540000-1159d9580000 rw-p anon
present 0+64
vma 115fc97c0000-115fc9800000 rw-p anon
present 0+64
vma 116054e00000-116054e40000 rw-p anon
present 0+64
vma 11663f380000-11663f3c0000 rw-p anon
present 0+64
vma 1174ceec0000-1174cef00000 rw-p anon
present 0+64
vma 117fa2280000-117fa22c0000 rw-p anon
present 0+64
vma 1198b3a00000-1198b3a40000 rw-p anon
present 0+64
vma 11a179140000-11a179180000 rw-p anon
present 0+64
vma 11a8406c0000-11a840700000 rw-p anon
present 0+64
vma 11aacf9c0000-11aacfa00000 rw-p anon
present 0+64
vma 11add29c0000-11add2a00000 rw-p anon
present 0+64
vma 11c945440000-11c945480000 rw-p anon
present 0+64
vma 11cdf90c0000-11cdf9100000 rw-p anon
present 0+64
vma 11da2e040000-11da2e080000 rw-p anon
present 0+64
vma 11e1f44c0000-11e1f4500000 rw-p anon
present 0+64
vma 11f599ac0000-11f599b00000 rw-p anon
present 0+64
vma 11f672c40000-11f672c80000 rw-p anon
present 0+64
vma 11f8f8d80000-11f8f8dc0000 rw-p anon
present 0+64
vma 120051980000-1200519c0000 rw-p anon
present 0+64
vma 1202a5f40000-1202a5f80000 rw-p anon
present 0+64
vma 120bd2c00000-120bd2c40000 rw-p anon
present 0+64
vma 120f19440000-120f19480000 rw-p anon
present 0+64
vma 121ef6600000-121ef6640000 rw-p anon
present 0+64
vma 122442380000-1224423c0000 rw-p anon
present 0+64
vma 1229214c0000-122921500000 rw-p anon
present 0+64
vma 122dfabc0000-122dfac00000 rw-p anon
present 0+64
vma 1230caf00000-1230caf40000 rw-p anon
present 0+64
vma 1238ebd40000-1238ebd80000 rw-p anon
present 0+64
vma 1239c0cc0000-1239c0d00000 rw-p anon
present 0+64
vma 123bf4980000-123bf49c0000 rw-p anon
present 0+64
vma 123f3e700000-123f3e740000 rw-p anon
present 0+64
vma 12451d940000-12451d980000 rw-p anon
present 0+64
vma 124e2b200000-124e2b240000 rw-p anon
present 0+64
vma 1250a5d00000-1250a5d40000 rw-p anon
present 0+64
vma 125e8c140000-125e8c180000 rw-p anon
present 0+64
vma 1264cfc80000-1264cfcc0000 rw-p anon
present 0+64
vma 126befe40000-126befe80000 rw-p anon
present 0+64
vma 126eef540000-126eef580000 rw-p anon
present 0+64
vma 127035180000-1270351c0000 rw-p anon
present 0+64
vma 127eba240000-127eba280000 rw-p anon
present 0+64
vma 127ec2900000-127ec2940000 rw-p anon
present 0+64
vma 128901440000-128901480000 rw-p anon
present 0+64
vma 128bc9580000-128bc95c0000 rw-p anon
present 0+64
vma 128c6ff80000-128c6ffc0000 rw-p anon
present 0+64
vma 128d4d080000-128d4d0c0000 rw-p anon
present 0+64
vma 129246a40000-129246a80000 rw-p anon
present 0+64
vma 1298a38c0000-1298a3900000 rw-p anon
present 0+64
vma 129d70600000-129d70640000 rw-p anon
present 0+64
vma 129e503c0000-129e50400000 rw-p anon
present 0+64
vma 12b06ed40000-12b06ed80000 rw-p anon
present 0+64
vma 12b42b800000-12b42b840000 rw-p anon
present 0+64
vma 12bfbf0c0000-12bfbf100000 rw-p anon
present 0+64
vma 12c273040000-12c273080000 rw-p anon
present 0+64
vma 12c302300000-12c302340000 rw-p anon
present 0+64
vma 12c6b5540000-12c6b5580000 rw-p anon
present 0+64
vma 12ca0e600000-12ca0e640000 rw-p anon
present 0+64
vma 12cb38180000-12cb381c0000 rw-p anon
present 0+64
vma 12cbc11c0000-12cbc1200000 rw-p anon
present 0+64
vma 12dc231c0000-12dc23200000 rw-p anon
present 0+64
vma 12e20e400000-12e20e440000 rw-p anon
present 0+64
vma 12e3b8d00000-12e3b8d40000 rw-p anon
present 0+64
vma 12e533f80000-12e533fc0000 rw-p anon
present 0+64
vma 12e7b9b80000-12e7b9bc0000 rw-p anon
present 0+64
vma 12ef8fb40000-12ef8fb80000 rw-p anon
present 0+64
vma 12f3dba00000-12f3dba40000 rw-p anon
present 0+64
vma 12f891e00000-12f891e40000 rw-p anon
present 0+64
vma 12f8fed40000-12f8fed80000 rw-p anon
present 0+64
vma 12fd04940000-12fd04980000 rw-p anon
present 0+64
vma 131f2a540000-131f2a580000 rw-p anon
present 0+64
vma 132ef6940000-132ef6980000 rw-p anon
present 0+64
vma 1330d54c0000-1330d5500000 rw-p anon
present 0+64
vma 133bd9e40000-133bd9e80000 rw-p anon
present 0+64
vma 133fd62c0000-133fd6300000 rw-p anon
present 0+64
vma 133ff6a40000-133ff6a80000 rw-p anon
present 0+64
vma 13424d240000-13424d280000 rw-p anon
present 0+64
vma 1346c7100000-1346c7140000 rw-p anon
present 0+64
vma 134959840000-134959880000 rw-p anon
present 0+64
vma 134b0d300000-134b0d340000 rw-p anon
present 0+64
vma 1351c6a40000-1351c6a80000 rw-p anon
present 0+64
vma 13558ed40000-13558ed80000 rw-p anon
present 0+64
vma 135643300000-135643340000 rw-p anon
present 0+64
vma 135724900000-135724940000 rw-p anon
present 0+64
vma 135825a80000-135825ac0000 rw-p anon
present 0+64
vma 1360a8700000-1360a8740000 rw-p anon
present 0+64
vma 136314900000-136314940000 rw-p anon
present 0+64
vma 136c9f0c0000-136c9f100000 rw-p anon
present 0+64
vma 136e346c0000-136e34700000 rw-p anon
present 0+64
vma 13715bc00000-13715bc40000 rw-p anon
present 0+64
vma 137ada5c0000-137ada600000 rw-p anon
present 0+64
vma 138dc9f00000-138dc9f40000 rw-p anon
present 0+64
vma 139020e00000-139020e40000 rw-p anon
present 0+64
vma 13922c5c0000-13922c600000 rw-p anon
present 0+64
vma 139a70b40000-139a70b80000 rw-p anon
present 0+64
vma 139ac1740000-139ac1780000 rw-p anon
present 0+64
vma 139bcaac0000-139bcab00000 rw-p anon
present 0+64
vma 13a335880000-13a3358c0000 rw-p anon
present 0+64
vma 13befd4c0000-13befd500000 rw-p anon
present 0+64
vma 13e035d00000-13e035d40000 rw-p anon
present 0+64
vma 13e2edb00000-13e2edb40000 rw-p anon
present 0+64
vma 13e609740000-13e609780000 rw-p anon
present 0+64
vma 13ed42d80000-13ed42dc0000 rw-p anon
present 0+64
vma 13f2d39c0000-13f2d3a00000 rw-p anon
present 0+64
vma 13f3685c0000-13f368600000 rw-p anon
present 0+64
vma 13f7f0b40000-13f7f0b80000 rw-p anon
present 0+64
vma 13fdb2180000-13fdb21c0000 rw-p anon
present 0+64
vma 140010b00000-140010b40000 rw-p anon
present 0+64
vma 1413a1f00000-1413a1f40000 rw-p anon
present 0+64
vma 14203f640000-14203f680000 rw-p anon
present 0+64
vma 1420c8180000-1420c81c0000 rw-p anon
present 0+64
vma 14230f940000-14230f980000 rw-p anon
present 0+64
vma 142498e80000-142498ec0000 rw-p anon
present 0+64
vma 14266cc80000-14266ccc0000 rw-p anon
present 0+64
vma 14272d8c0000-14272d900000 rw-p anon
present 0+64
vma 14288a640000-14288a680000 rw-p anon
present 0+64
vma 142b86780000-142b867c0000 rw-p anon
present 0+64
vma 142c123c0000-142c12400000 rw-p anon
present 0+64
vma 142d03140000-142d03180000 rw-p anon
present 0+64
vma 142d70a00000-142d70a40000 rw-p anon
present 0+64
vma 1430c53c0000-1430c5400000 rw-p anon
present 0+64
vma 14469f340000-14469f380000 rw-p anon
present 0+64
vma 1449f15c0000-1449f1600000 rw-p anon
present 0+64
vma 14557c840000-14557c880000 rw-p anon
present 0+64
vma 1473345c0000-147334600000 rw-p anon
present 0+64
vma 147628c40000-147628c80000 rw-p anon
present 0+64
vma 1479fda40000-1479fda80000 rw-p anon
present 0+64
vma 147e5a180000-147e5a1c0000 rw-p anon
present 0+64
vma 14835b740000-14835b780000 rw-p anon
present 0+64
vma 1485a82c0000-1485a8300000 rw-p anon
present 0+64
vma 1486abe00000-1486abe40000 rw-p anon
present 0+64
vma 149607c80000-149607cc0000 rw-p anon
present 0+64
vma 14a004dc0000-14a004e00000 rw-p anon
present 0+64
vma 14a02b8c0000-14a02b900000 rw-p anon
present 0+64
vma 14a2b0600000-14a2b0640000 rw-p anon
present 0+64
vma 14a3ac500000-14a3ac540000 rw-p anon
present 0+64
vma 14adfbe40000-14adfbe80000 rw-p anon
present 0+64
vma 14b6b0900000-14b6b0940000 rw-p anon
present 0+64
vma 14bfddd40000-14bfddd80000 rw-p anon
present 0+64
vma 14c544a80000-14c544ac0000 rw-p anon
present 0+64
vma 14c5c1d00000-14c5c1d40000 rw-p anon
present 0+64
vma 14cb36700000-14cb36740000 rw-p anon
present 0+64
vma 14cdb59c0000-14cdb5a00000 rw-p anon
present 0+64
vma 14dbe1b40000-14dbe1b80000 rw-p anon
present 0+64
vma 14e9ec000000-14e9ec040000 rw-p anon
present 0+64
vma 14edd7940000-14edd7980000 rw-p anon
present 0+64
vma 14f7087c0000-14f708800000 rw-p anon
present 0+64
vma 14fdde000000-14fdde040000 rw-p anon
present 0+64
vma 15053f940000-15053f980000 rw-p anon
present 0+64
vma 151151200000-151151240000 rw-p anon
present 0+64
vma 151852d40000-151852d80000 rw-p anon
present 0+64
vma 1518e6080000-1518e60c0000 rw-p anon
present 0+64
vma 151bfb980000-151bfb9c0000 rw-p anon
present 0+64
vma 152a04480000-152a044c0000 rw-p anon
present 0+64
vma 152b97300000-152b97340000 rw-p anon
present 0+64
vma 154355080000-1543550c0000 rw-p anon
present 0+64
vma 154608100000-154608140000 rw-p anon
present 0+64
vma 154a819c0000-154a81a00000 rw-p anon
present 0+64
vma 154f21b00000-154f21b40000 rw-p anon
present 0+64
vma 15557c5c0000-15557c600000 rw-p anon
present 0+64
vma 156d02ac0000-156d02b00000 rw-p anon
present 0+64
vma 156dccfc0000-156dcd000000 rw-p anon
present 0+64
vma 156f1ea40000-156f1ea80000 rw-p anon
present 0+64
vma 157551440000-157551480000 rw-p anon
present 0+64
vma 157739d40000-157739d80000 rw-p anon
present 0+64
vma 157c34a40000-157c34a80000 rw-p anon
present 0+64
vma 15854b380000-15854b3c0000 rw-p anon
present 0+64
vma 1585eb5c0000-1585eb600000 rw-p anon
present 0+64
vma 159ce43c0000-159ce4400000 rw-p anon
present 0+64
vma 159ffdbc0000-159ffdc00000 rw-p anon
present 0+64
vma 15a049180000-15a0491c0000 rw-p anon
present 0+64
vma 15a450b40000-15a450b80000 rw-p anon
present 0+64
vma 15b91e880000-15b91e8c0000 rw-p anon
present 0+64
vma 15c6c6a40000-15c6c6a80000 rw-p anon
present 0+64
vma 15d684ec0000-15d684f00000 rw-p anon
present 0+64
vma 15ddf51c0000-15ddf5200000 rw-p anon
present 0+64
vma 15de2c7c0000-15de2c800000 rw-p anon
present 0+64
vma 15e074340000-15e074380000 rw-p anon
present 0+64
vma 15e8af800000-15e8af840000 rw-p anon
present 0+64
vma 15e8b9740000-15e8b9780000 rw-p anon
present 0+64
vma 15e9cd240000-15e9cd280000 rw-p anon
present 0+64
vma 15ea6ad80000-15ea6adc0000 rw-p anon
present 0+64
vma 15eddf6c0000-15eddf700000 rw-p anon
present 0+64
vma 15f513cc0000-15f513d00000 rw-p anon
present 0+64
vma 15fab5f00000-15fab5f40000 rw-p anon
present 0+64
vma 1604f53c0000-1604f5400000 rw-p anon
present 0+64
vma 16073b000000-16073b040000 rw-p anon
present 0+64
vma 16160dfc0000-16160e000000 rw-p anon
present 0+64
vma 1621c90c0000-1621c9100000 rw-p anon
present 0+64
vma 1634fb440000-1634fb480000 rw-p anon
present 0+64
vma 163aba140000-163aba180000 rw-p anon
present 0+64
vma 163e94bc0000-163e94c00000 rw-p anon
present 0+64
vma 1641eda40000-1641eda80000 rw-p anon
present 0+64
vma 1646a7e00000-1646a7e40000 rw-p anon
present 0+64
vma 164a84bc0000-164a84c00000 rw-p anon
present 0+64
vma 164afe300000-164afe340000 rw-p anon
present 0+64
vma 165545ac0000-165545b00000 rw-p anon
present 0+64
vma 165e02fc0000-165e03000000 rw-p anon
present 0+64
vma 167d56b00000-167d56b40000 rw-p anon
present 0+64
vma 16872cd40000-16872cd80000 rw-p anon
present 0+64
vma 168b91f80000-168b91fc0000 rw-p anon
present 0+64
vma 169f17dc0000-169f17e00000 rw-p anon
present 0+64
vma 16ac7d000000-16ac7d040000 rw-p anon
present 0+64
vma 16b576a00000-16b576a40000 rw-p anon
present 0+64
vma 16bb6b140000-16bb6b180000 rw-p anon
present 0+64
vma 16bf40b40000-16bf40b80000 rw-p anon
present 0+64
vma 16bfe43c0000-16bfe4400000 rw-p anon
present 0+64
vma 16c38af40000-16c38af80000 rw-p anon
present 0+64
vma 16c99ae40000-16c99ae80000 rw-p anon
present 0+64
vma 16ca24ec0000-16ca24f00000 rw-p anon
present 0+64
vma 16ca38bc0000-16ca38c00000 rw-p anon
present 0+64
vma 16ccecf00000-16ccecf40000 rw-p anon
present 0+64
vma 16dbf38c0000-16dbf3900000 rw-p anon
present 0+64
vma 16eeee400000-16eeee440000 rw-p anon
present 0+64
vma 16fbd3e80000-16fbd3ec0000 rw-p anon
present 0+64
vma 17015f000000-17015f040000 rw-p anon
present 0+64
vma 1718ae980000-1718ae9c0000 rw-p anon
present 0+64
vma 171a06d80000-171a06dc0000 rw-p anon
present 0+64
vma 171d40900000-171d40940000 rw-p anon
present 0+64
vma 171fad300000-171fad340000 rw-p anon
present 0+64
vma 1728ee480000-1728ee4c0000 rw-p anon
present 0+64
vma 17304a740000-17304a780000 rw-p anon
present 0+64
vma 173154e00000-173154e40000 rw-p anon
present 0+64
vma 173b8a080000-173b8a0c0000 rw-p anon
present 0+64
vma 173d16c80000-173d16cc0000 rw-p anon
present 0+64
vma 174338b00000-174338b40000 rw-p anon
present 0+64
vma 1748da540000-1748da580000 rw-p anon
present 0+64
vma 174b79c40000-174b79c80000 rw-p anon
present 0+64
vma 174d07b00000-174d07b40000 rw-p anon
present 0+64
vma 175712a80000-175712ac0000 rw-p anon
present 0+64
vma 175cca680000-175cca6c0000 rw-p anon
present 0+64
vma 176a75ac0000-176a75b00000 rw-p anon
present 0+64
vma 176cb2180000-176cb21c0000 rw-p anon
present 0+64
vma 176e5d6c0000-176e5d700000 rw-p anon
present 0+64
vma 1782f9580000-1782f95c0000 rw-p anon
present 0+64
vma 1786f7bc0000-1786f7c00000 rw-p anon
present 0+64
vma 178968e40000-178968e80000 rw-p anon
present 0+64
vma 178dac440000-178dac480000 rw-p anon
present 0+64
vma 179177600000-179177640000 rw-p anon
present 0+64
vma 17935bec0000-17935bf00000 rw-p anon
present 0+64
vma 17aba39c0000-17aba3a00000 rw-p anon
present 0+64
vma 17b7c12c0000-17b7c1300000 rw-p anon
present 0+64
vma 17b950740000-17b950780000 rw-p anon
present 0+64
vma 17c597340000-17c597380000 rw-p anon
present 0+64
vma 17cfe7a00000-17cfe7a40000 rw-p anon
present 0+64
vma 17d86ed40000-17d86ed80000 rw-p anon
present 0+64
vma 17e2fdcc0000-17e2fdd00000 rw-p anon
present 0+64
vma 17e33e9c0000-17e33ea00000 rw-p anon
present 0+64
vma 17e572600000-17e572640000 rw-p anon
present 0+64
vma 17e98a4c0000-17e98a500000 rw-p anon
present 0+64
vma 17e9c8800000-17e9c8840000 rw-p anon
present 0+64
vma 17ed01140000-17ed01180000 rw-p anon
present 0+64
vma 17eda5880000-17eda58c0000 rw-p anon
present 0+64
vma 17ef0af40000-17ef0af80000 rw-p anon
present 0+64
vma 17f28c7c0000-17f28c800000 rw-p anon
present 0+64
vma 17f56ee80000-17f56eec0000 rw-p anon
present 0+64
vma 17fdce280000-17fdce2c0000 rw-p anon
present 0+64
vma 180be8ac0000-180be8b00000 rw-p anon
present 0+64
vma 180edb680000-180edb6c0000 rw-p anon
present 0+64
vma 18107b880000-18107b8c0000 rw-p anon
present 0+64
vma 181b47c40000-181b47c80000 rw-p anon
present 0+64
vma 1821d1ac0000-1821d1b00000 rw-p anon
present 0+64
vma 18251e300000-18251e340000 rw-p anon
present 0+64
vma 182dddc80000-182dddcc0000 rw-p anon
present 0+64
vma 183c7b980000-183c7b9c0000 rw-p anon
present 0+64
vma 183e25380000-183e253c0000 rw-p anon
present 0+64
vma 183f3dbc0000-183f3dc00000 rw-p anon
present 0+64
vma 18415a8c0000-18415a900000 rw-p anon
present 0+64
vma 184515400000-184515440000 rw-p anon
present 0+64
vma 1849cd300000-1849cd340000 rw-p anon
present 0+64
vma 1851cb080000-1851cb0c0000 rw-p anon
present 0+64
vma 1853f67c0000-1853f6800000 rw-p anon
present 0+64
vma 18541b480000-18541b4c0000 rw-p anon
present 0+64
vma 185c18700000-185c18740000 rw-p anon
present 0+64
vma 185d141c0000-185d14200000 rw-p anon
present 0+64
vma 185fe2e80000-185fe2ec0000 rw-p anon
present 0+64
vma 1862e86c0000-1862e8700000 rw-p anon
present 0+64
vma 18644f100000-18644f140000 rw-p anon
present 0+64
vma 187445e00000-187445e40000 rw-p anon
present 0+64
vma 187913040000-187913080000 rw-p anon
present 0+64
vma 187ec9c80000-187ec9cc0000 rw-p anon
present 0+64
vma 188593280000-1885932c0000 rw-p anon
present 0+64
vma 1898c9c00000-1898c9c40000 rw-p anon
present 0+64
vma 189b57c00000-189b57c40000 rw-p anon
present 0+64
vma 18a003240000-18a003280000 rw-p anon
present 0+64
vma 18a5b4080000-18a5b40c0000 rw-p anon
present 0+64
vma 18a8eb440000-18a8eb480000 rw-p anon
present 0+64
vma 18b12cd40000-18b12cd80000 rw-p anon
present 0+64
vma 18b5fb900000-18b5fb940000 rw-p anon
present 0+64
vma 18c5b0f00000-18c5b0f40000 rw-p anon
present 0+64
vma 18c5de4c0000-18c5de500000 rw-p anon
present 0+64
vma 18ce26b00000-18ce26b40000 rw-p anon
present 0+64
vma 18d1ba880000-18d1ba8c0000 rw-p anon
present 0+64
vma 18db57dc0000-18db57e00000 rw-p anon
present 0+64
vma 18e90c440000-18e90c480000 rw-p anon
present 0+64
vma 18e957480000-18e9574c0000 rw-p anon
present 0+64
vma 18ebee5c0000-18ebee600000 rw-p anon
present 0+64
vma 18f47d400000-18f47d440000 rw-p anon
present 0+64
vma 190238480000-1902384c0000 rw-p anon
present 0+64
vma 1908b9b80000-1908b9bc0000 rw-p anon
present 0+64
vma 190978f00000-190978f40000 rw-p anon
present 0+64
vma 1909ddd80000-1909dddc0000 rw-p anon
present 0+64
vma 191cf78c0000-191cf7900000 rw-p anon
present 0+64
vma 191eab300000-191eab340000 rw-p anon
present 0+64
vma 19239fd80000-19239fdc0000 rw-p anon
present 0+64
vma 1923e8140000-1923e8180000 rw-p anon
present 0+64
vma 192d817c0000-192d81800000 rw-p anon
present 0+64
vma 192db9fc0000-192dba000000 rw-p anon
present 0+64
vma 1945f55c0000-1945f5600000 rw-p anon
present 0+64
vma 1949ad540000-1949ad580000 rw-p anon
present 0+64
vma 1950a4bc0000-1950a4c00000 rw-p anon
present 0+64
vma 1954c5cc0000-1954c5d00000 rw-p anon
present 0+64
vma 195e13280000-195e132c0000 rw-p anon
present 0+64
vma 19665f380000-19665f3c0000 rw-p anon
present 0+64
vma 1967c0e80000-1967c0ec0000 rw-p anon
present 0+64
vma 1969e85c0000-1969e8600000 rw-p anon
present 0+64
vma 19774b300000-19774b340000 rw-p anon
present 0+64
vma 19787a7c0000-19787a800000 rw-p anon
present 0+64
vma 1985b0c40000-1985b0c80000 rw-p anon
present 0+64
vma 198dd8a00000-198dd8a40000 rw-p anon
present 0+64
vma 199734280000-1997342c0000 rw-p anon
present 0+64
vma 19988a3c0000-19988a400000 rw-p anon
present 0+64
vma 19a1689c0000-19a168a00000 rw-p anon
present 0+64
vma 19ae00a40000-19ae00a80000 rw-p anon
present 0+64
vma 19af35e00000-19af35e40000 rw-p anon
present 0+64
vma 19b8a7280000-19b8a72c0000 rw-p anon
present 0+64
vma 19c2fd880000-19c2fd8c0000 rw-p anon
present 0+64
vma 19c4ed900000-19c4ed940000 rw-p anon
present 0+64
vma 19cb58d40000-19cb58d80000 rw-p anon
present 0+64
vma 19d3d5940000-19d3d5980000 rw-p anon
present 0+64
vma 19d855b00000-19d855b40000 rw-p anon
present 0+64
vma 19e32ffc0000-19e330000000 rw-p anon
present 0+64
vma 19e4f7140000-19e4f7180000 rw-p anon
present 0+64
vma 19e619380000-19e6193c0000 rw-p anon
present 0+64
vma 1a011b800000-1a011b840000 rw-p anon
present 0+64
vma 1a0309c40000-1a0309c80000 rw-p anon
present 0+64
vma 1a0b6ed80000-1a0b6edc0000 rw-p anon
present 0+64
vma 1a0beb540000-1a0beb580000 rw-p anon
present 0+64
vma 1a0bf0740000-1a0bf0780000 rw-p anon
present 0+64
vma 1a118b700000-1a118b740000 rw-p anon
present 0+64
vma 1a1b1bcc0000-1a1b1bd00000 rw-p anon
present 0+64
vma 1a1e22340000-1a1e22380000 rw-p anon
present 0+64
vma 1a2189500000-1a2189540000 rw-p anon
present 0+64
vma 1a272ef80000-1a272efc0000 rw-p anon
present 0+64
vma 1a29ec140000-1a29ec180000 rw-p anon
present 0+64
vma 1a3037cc0000-1a3037d00000 rw-p anon
present 0+64
vma 1a4bb5980000-1a4bb59c0000 rw-p anon
present 0+64
vma 1a5704080000-1a57040c0000 rw-p anon
present 0+64
vma 1a57db300000-1a57db340000 rw-p anon
present 0+64
vma 1a6c04fc0000-1a6c05000000 rw-p anon
present 0+64
vma 1a6c27140000-1a6c27180000 rw-p anon
present 0+64
vma 1a6fb73c0000-1a6fb7400000 rw-p anon
present 0+64
vma 1a71763c0000-1a7176400000 rw-p anon
present 0+64
vma 1a76dc680000-1a76dc6c0000 rw-p anon
present 0+64
vma 1a8b59f40000-1a8b59f80000 rw-p anon
present 0+64
vma 1a9521740000-1a9521780000 rw-p anon
present 0+64
vma 1a9b88b00000-1a9b88b40000 rw-p anon
present 0+64
vma 1aa4b6180000-1aa4b61c0000 rw-p anon
present 0+64
vma 1aa4d3500000-1aa4d3540000 rw-p anon
present 0+64
vma 1ac67a5c0000-1ac67a600000 rw-p anon
present 0+64
vma 1ad061400000-1ad061440000 rw-p anon
present 0+64
vma 1ad1fa940000-1ad1fa980000 rw-p anon
present 0+64
vma 1ad3f7bc0000-1ad3f7c00000 rw-p anon
present 0+64
vma 1ad79fa80000-1ad79fac0000 rw-p anon
present 0+64
vma 1adc2aa00000-1adc2aa40000 rw-p anon
present 0+64
vma 1ae95ac80000-1ae95acc0000 rw-p anon
present 0+64
vma 1af259b80000-1af259bc0000 rw-p anon
present 0+64
vma 1afe97c00000-1afe97c40000 rw-p anon
present 0+64
vma 1b043af80000-1b043afc0000 rw-p anon
present 0+64
vma 1b0510f40000-1b0510f80000 rw-p anon
present 0+64
vma 1b0610b00000-1b0610b40000 rw-p anon
present 0+64
vma 1b0e51880000-1b0e518c0000 rw-p anon
present 0+64
vma 1b1346840000-1b1346880000 rw-p anon
present 0+64
vma 1b1bf1140000-1b1bf1180000 rw-p anon
present 0+64
vma 1b31ea7c0000-1b31ea800000 rw-p anon
present 0+64
vma 1b3873540000-1b3873580000 rw-p anon
present 0+64
vma 1b3947d40000-1b3947d80000 rw-p anon
present 0+64
vma 1b3bbcc40000-1b3bbcc80000 rw-p anon
present 0+64
vma 1b45e7cc0000-1b45e7d00000 rw-p anon
present 0+64
vma 1b470cd40000-1b470cd80000 rw-p anon
present 0+64
vma 1b4ab51c0000-1b4ab5200000 rw-p anon
present 0+64
vma 1b4fc0a80000-1b4fc0ac0000 rw-p anon
present 0+64
vma 1b5255800000-1b5255840000 rw-p anon
present 0+64
vma 1b5a76f00000-1b5a76f40000 rw-p anon
present 0+64
vma 1b5faf240000-1b5faf280000 rw-p anon
present 0+64
vma 1b6258e00000-1b6258e40000 rw-p anon
present 0+64
vma 1b676ac40000-1b676ac80000 rw-p anon
present 0+64
vma 1b6ef2bc0000-1b6ef2c00000 rw-p anon
present 0+64
vma 1b753a600000-1b753a640000 rw-p anon
present 0+64
vma 1b7effc00000-1b7effc40000 rw-p anon
present 0+64
vma 1b8d72340000-1b8d72380000 rw-p anon
present 0+64
vma 1b8f24780000-1b8f247c0000 rw-p anon
present 0+64
vma 1ba54fd40000-1ba54fd80000 rw-p anon
present 0+64
vma 1ba759780000-1ba7597c0000 rw-p anon
present 0+64
vma 1baa248c0000-1baa24900000 rw-p anon
present 0+64
vma 1bb1a1b80000-1bb1a1bc0000 rw-p anon
present 0+64
vma 1bb38df40000-1bb38df80000 rw-p anon
present 0+64
vma 1bb5c0040000-1bb5c0080000 rw-p anon
present 0+64
vma 1bc123dc0000-1bc123e00000 rw-p anon
present 0+64
vma 1bc2a05c0000-1bc2a0600000 rw-p anon
present 0+64
vma 1bc8de1c0000-1bc8de200000 rw-p anon
present 0+64
vma 1bcd31080000-1bcd310c0000 rw-p anon
present 0+64
vma 1bd5e4780000-1bd5e47c0000 rw-p anon
present 0+64
vma 1bd842ec0000-1bd842f00000 rw-p anon
present 0+64
vma 1bd97a500000-1bd97a540000 rw-p anon
present 0+64
vma 1bdfe81c0000-1bdfe8200000 rw-p anon
present 0+64
vma 1be722d40000-1be722d80000 rw-p anon
present 0+64
vma 1bf3920c0000-1bf392100000 rw-p anon
present 0+64
vma 1bfaaaa80000-1bfaaaac0000 rw-p anon
present 0+64
vma 1bfffa700000-1bfffa740000 rw-p anon
present 0+64
vma 1c017a480000-1c017a4c0000 rw-p anon
present 0+64
vma 1c0a894c0000-1c0a89500000 rw-p anon
present 0+64
vma 1c192dd80000-1c192ddc0000 rw-p anon
present 0+64
vma 1c1d090c0000-1c1d09100000 rw-p anon
present 0+64
vma 1c2234380000-1c22343c0000 rw-p anon
present 0+64
vma 1c2352200000-1c2352240000 rw-p anon
present 0+64
vma 1c2596380000-1c25963c0000 rw-p anon
present 0+64
vma 1c2b01140000-1c2b01180000 rw-p anon
present 0+64
vma 1c2bd8e00000-1c2bd8e40000 rw-p anon
present 0+64
vma 1c2c087c0000-1c2c08800000 rw-p anon
present 0+64
vma 1c34f8f40000-1c34f8f80000 rw-p anon
present 0+64
vma 1c521e840000-1c521e880000 rw-p anon
present 0+64
vma 1c5c060c0000-1c5c06100000 rw-p anon
present 0+64
vma 1c5e10780000-1c5e107c0000 rw-p anon
present 0+64
vma 1c6f564c0000-1c6f56500000 rw-p anon
present 0+64
vma 1c73079c0000-1c7307a00000 rw-p anon
present 0+64
vma 1c735bcc0000-1c735bd00000 rw-p anon
present 0+64
vma 1c8c7b880000-1c8c7b8c0000 rw-p anon
present 0+64
vma 1c91d1e00000-1c91d1e40000 rw-p anon
present 0+64
vma 1c934cb40000-1c934cb80000 rw-p anon
present 0+64
vma 1c9be7040000-1c9be7080000 rw-p anon
present 0+64
vma 1c9f34b40000-1c9f34b80000 rw-p anon
present 0+64
vma 1ca07cc40000-1ca07cc80000 rw-p anon
present 0+64
vma 1caf69200000-1caf69240000 rw-p anon
present 0+64
vma 1cc0415c0000-1cc041600000 rw-p anon
present 0+64
vma 1cc66a0c0000-1cc66a100000 rw-p anon
present 0+64
vma 1ccbb0dc0000-1ccbb0e00000 rw-p anon
present 0+64
vma 1cd200600000-1cd200640000 rw-p anon
present 0+64
vma 1cd3a6f00000-1cd3a6f40000 rw-p anon
present 0+64
vma 1cd811200000-1cd811240000 rw-p anon
present 0+64
vma 1cdd07d80000-1cdd07dc0000 rw-p anon
present 0+64
vma 1cdf28ec0000-1cdf28f00000 rw-p anon
present 0+64
vma 1ce6dad80000-1ce6dadc0000 rw-p anon
present 0+64
vma 1ce831380000-1ce8313c0000 rw-p anon
present 0+64
vma 1cebd3f80000-1cebd3fc0000 rw-p anon
present 0+64
vma 1cedde880000-1cedde8c0000 rw-p anon
present 0+64
vma 1d0e93f00000-1d0e93f40000 rw-p anon
present 0+64
vma 1d28c7980000-1d28c79c0000 rw-p anon
present 0+64
vma 1d2939740000-1d2939780000 rw-p anon
present 0+64
vma 1d2d42d40000-1d2d42d80000 rw-p anon
present 0+64
vma 1d35be680000-1d35be6c0000 rw-p anon
present 0+64
vma 1d3a76200000-1d3a76240000 rw-p anon
present 0+64
vma 1d47d3980000-1d47d39c0000 rw-p anon
present 0+64
vma 1d4e4da00000-1d4e4da40000 rw-p anon
present 0+64
vma 1d5bae240000-1d5bae280000 rw-p anon
present 0+64
vma 1d6284040000-1d6284080000 rw-p anon
present 0+64
vma 1d6a6ecc0000-1d6a6ed00000 rw-p anon
present 0+64
vma 1d6ce63c0000-1d6ce6400000 rw-p anon
present 0+64
vma 1d7f5be40000-1d7f5be80000 rw-p anon
present 0+64
vma 1d85057c0000-1d8505800000 rw-p anon
present 0+64
vma 1d8559440000-1d8559480000 rw-p anon
present 0+64
vma 1d8cb11c0000-1d8cb1200000 rw-p anon
present 0+64
vma 1d8f835c0000-1d8f83600000 rw-p anon
present 0+64
vma 1da29f3c0000-1da29f400000 rw-p anon
present 0+64
vma 1db20e800000-1db20e840000 rw-p anon
present 0+64
vma 1dba9a380000-1dba9a3c0000 rw-p anon
present 0+64
vma 1dbc973c0000-1dbc97400000 rw-p anon
present 0+64
vma 1dbeb4100000-1dbeb4140000 rw-p anon
present 0+64
vma 1dc32e240000-1dc32e280000 rw-p anon
present 0+64
vma 1dd82ad00000-1dd82ad40000 rw-p anon
present 0+64
vma 1ddd47ec0000-1ddd47f00000 rw-p anon
present 0+64
vma 1de376080000-1de3760c0000 rw-p anon
present 0+64
vma 1de720e40000-1de720e80000 rw-p anon
present 0+64
vma 1df3b5180000-1df3b51c0000 rw-p anon
present 0+64
vma 1e0710800000-1e0710840000 rw-p anon
present 0+64
vma 1e094bb80000-1e094bbc0000 rw-p anon
present 0+64
vma 1e0b103c0000-1e0b10400000 rw-p anon
present 0+64
vma 1e0e82a00000-1e0e82a40000 rw-p anon
present 0+64
vma 1e1e05ac0000-1e1e05b00000 rw-p anon
present 0+64
vma 1e2209600000-1e2209640000 rw-p anon
present 0+64
vma 1e316e7c0000-1e316e800000 rw-p anon
present 0+64
vma 1e32e7140000-1e32e7180000 rw-p anon
present 0+64
vma 1e4c0bbc0000-1e4c0bc00000 rw-p anon
present 0+64
vma 1e4c36340000-1e4c36380000 rw-p anon
present 0+64
vma 1e4e03e00000-1e4e03e40000 rw-p anon
present 0+64
vma 1e5359fc0000-1e535a000000 rw-p anon
present 0+64
vma 1e5840500000-1e5840540000 rw-p anon
present 0+64
vma 1e58dbe80000-1e58dbec0000 rw-p anon
present 0+64
vma 1e60b2480000-1e60b24c0000 rw-p anon
present 0+64
vma 1e6381ac0000-1e6381b00000 rw-p anon
present 0+64
vma 1e6672340000-1e6672380000 rw-p anon
present 0+64
vma 1e6d17400000-1e6d17440000 rw-p anon
present 0+64
vma 1e7647e00000-1e7647e40000 rw-p anon
present 0+64
vma 1e7f6b940000-1e7f6b980000 rw-p anon
present 0+64
vma 1e8c95a00000-1e8c95a40000 rw-p anon
present 0+64
vma 1e8f52880000-1e8f528c0000 rw-p anon
present 0+64
vma 1e90a4040000-1e90a4080000 rw-p anon
present 0+64
vma 1e9c2eb80000-1e9c2ebc0000 rw-p anon
present 0+64
vma 1ea19f200000-1ea19f240000 rw-p anon
present 0+64
vma 1ea252d80000-1ea252dc0000 rw-p anon
present 0+64
vma 1eb444080000-1eb4440c0000 rw-p anon
present 0+64
vma 1eb54bc40000-1eb54bc80000 rw-p anon
present 0+64
vma 1ec357c40000-1ec357c80000 rw-p anon
present 0+64
vma 1ec475940000-1ec475980000 rw-p anon
present 0+64
vma 1ec600e80000-1ec600ec0000 rw-p anon
present 0+64
vma 1ec8b84c0000-1ec8b8500000 rw-p anon
present 0+64
vma 1edc4ae40000-1edc4ae80000 rw-p anon
present 0+64
vma 1ef0e4f00000-1ef0e4f40000 rw-p anon
present 0+64
vma 1ef33cb40000-1ef33cb80000 rw-p anon
present 0+64
vma 1ef4d5d80000-1ef4d5dc0000 rw-p anon
present 0+64
vma 1ef8bfb80000-1ef8bfbc0000 rw-p anon
present 0+64
vma 1efbafec0000-1efbaff00000 rw-p anon
present 0+64
vma 1f0152800000-1f0152840000 rw-p anon
present 0+64
vma 1f1069540000-1f1069580000 rw-p anon
present 0+64
vma 1f19efc80000-1f19efcc0000 rw-p anon
present 0+64
vma 1f1acf780000-1f1acf7c0000 rw-p anon
present 0+64
vma 1f1cfd540000-1f1cfd580000 rw-p anon
present 0+64
vma 1f27b2a80000-1f27b2ac0000 rw-p anon
present 0+64
vma 1f36457c0000-1f3645800000 rw-p anon
present 0+64
vma 1f3858200000-1f3858240000 rw-p anon
present 0+64
vma 1f43b8740000-1f43b8780000 rw-p anon
present 0+64
vma 1f47f34c0000-1f47f3500000 rw-p anon
present 0+64
vma 1f4837080000-1f48370c0000 rw-p anon
present 0+64
vma 1f4898880000-1f48988c0000 rw-p anon
present 0+64
vma 1f4bbfdc0000-1f4bbfe00000 rw-p anon
present 0+64
vma 1f4f67a80000-1f4f67ac0000 rw-p anon
present 0+64
vma 1f4fd2740000-1f4fd2780000 rw-p anon
present 0+64
vma 1f534b640000-1f534b680000 rw-p anon
present 0+64
vma 1f5427bc0000-1f5427c00000 rw-p anon
present 0+64
vma 1f5aaa840000-1f5aaa880000 rw-p anon
present 0+64
vma 1f5b0ca80000-1f5b0cac0000 rw-p anon
present 0+64
vma 1f5b17180000-1f5b171c0000 rw-p anon
present 0+64
vma 1f65efb00000-1f65efb40000 rw-p anon
present 0+64
vma 1f674aa80000-1f674aac0000 rw-p anon
present 0+64
vma 1f6ba70c0000-1f6ba7100000 rw-p anon
present 0+64
vma 1f701d700000-1f701d740000 rw-p anon
present 0+64
vma 1f70e2580000-1f70e25c0000 rw-p anon
present 0+64
vma 1f7188400000-1f7188440000 rw-p anon
present 0+64
vma 1f7393300000-1f7393340000 rw-p anon
present 0+64
vma 1f75379c0000-1f7537a00000 rw-p anon
present 0+64
vma 1f77ce7c0000-1f77ce800000 rw-p anon
present 0+64
vma 1f80d1cc0000-1f80d1d00000 rw-p anon
present 0+64
vma 1f82eaac0000-1f82eab00000 rw-p anon
present 0+64
vma 1f8764080000-1f87640c0000 rw-p anon
present 0+64
vma 1f8e9fd40000-1f8e9fd80000 rw-p anon
present 0+64
vma 1f9951480000-1f99514c0000 rw-p anon
present 0+64
vma 1faf3a940000-1faf3a980000 rw-p anon
present 0+64
vma 1fb89b840000-1fb89b880000 rw-p anon
present 0+64
vma 1fc800340000-1fc800380000 rw-p anon
present 0+64
vma 1fc820b00000-1fc820b40000 rw-p anon
present 0+64
vma 1fc938400000-1fc938440000 rw-p anon
present 0+64
vma 1fca170c0000-1fca17100000 rw-p anon
present 0+64
vma 1fccdf680000-1fccdf6c0000 rw-p anon
present 0+64
vma 1fd7e9d00000-1fd7e9d40000 rw-p anon
present 0+64
vma 1fd85ad00000-1fd85ad40000 rw-p anon
present 0+64
vma 1fdc04240000-1fdc04280000 rw-p anon
present 0+64
vma 1fe0c6380000-1fe0c63c0000 rw-p anon
present 0+64
vma 1fe5c1e80000-1fe5c1ec0000 rw-p anon
present 0+64
vma 1fe6b1e00000-1fe6b1e40000 rw-p anon
present 0+64
vma 1fec1ad40000-1fec1ad80000 rw-p anon
present 0+64
vma 1ffa7c100000-1ffa7c140000 rw-p anon
present 0+64
vma 1ffcfc040000-1ffcfc080000 rw-p anon
present 0+64
vma 1fff05980000-1fff059c0000 rw-p anon
present 0+64
vma 1fff0ea40000-1fff0ea80000 rw-p anon
present 0+64
vma 2002211c0000-200221200000 rw-p anon
present 0+64
vma 200a2a540000-200a2a580000 rw-p anon
present 0+64
vma 200b41c00000-200b41c40000 rw-p anon
present 0+64
vma 200b8e400000-200b8e440000 rw-p anon
present 0+64
vma 200c77600000-200c77640000 rw-p anon
present 0+64
vma 200e7b780000-200e7b7c0000 rw-p anon
present 0+64
vma 2013e6c40000-2013e6c80000 rw-p anon
present 0+64
vma 202208d80000-202208dc0000 rw-p anon
present 0+64
vma 2025bd2c0000-2025bd300000 rw-p anon
present 0+64
vma 2029e9a80000-2029e9ac0000 rw-p anon
present 0+64
vma 202d1d2c0000-202d1d300000 rw-p anon
present 0+64
vma 20321e040000-20321e080000 rw-p anon
present 0+64
vma 20374cc00000-20374cc40000 rw-p anon
present 0+64
vma 203a65b40000-203a65b80000 rw-p anon
present 0+64
vma 203bc1f80000-203bc1fc0000 rw-p anon
present 0+64
vma 203e25680000-203e256c0000 rw-p anon
present 0+64
vma 203fbbc40000-203fbbc80000 rw-p anon
present 0+64
vma 2045819c0000-204581a00000 rw-p anon
present 0+64
vma 204b0ee40000-204b0ee80000 rw-p anon
present 0+64
vma 206339b80000-206339bc0000 rw-p anon
present 0+64
vma 207bcea80000-207bceac0000 rw-p anon
present 0+64
vma 207ed3dc0000-207ed3e00000 rw-p anon
present 0+64
vma 208335880000-2083358c0000 rw-p anon
present 0+64
vma 20a0e2f80000-20a0e2fc0000 rw-p anon
present 0+64
vma 20a264e00000-20a264e40000 rw-p anon
present 0+64
vma 20a6726c0000-20a672700000 rw-p anon
present 0+64
vma 20b1ee180000-20b1ee1c0000 rw-p anon
present 0+64
vma 20b5fff00000-20b5fff40000 rw-p anon
present 0+64
vma 20c72e680000-20c72e6c0000 rw-p anon
present 0+64
vma 20c82dd80000-20c82ddc0000 rw-p anon
present 0+64
vma 20cda8ec0000-20cda8f00000 rw-p anon
present 0+64
vma 20ce31a40000-20ce31a80000 rw-p anon
present 0+64
vma 20d157600000-20d157640000 rw-p anon
present 0+64
vma 20e184a40000-20e184a80000 rw-p anon
present 0+64
vma 20e21f800000-20e21f840000 rw-p anon
present 0+64
vma 20e6fec80000-20e6fecc0000 rw-p anon
present 0+64
vma 20ec8e580000-20ec8e5c0000 rw-p anon
present 0+64
vma 20ee49fc0000-20ee4a000000 rw-p anon
present 0+64
vma 20f3901c0000-20f390200000 rw-p anon
present 0+64
vma 20fb07d40000-20fb07d80000 rw-p anon
present 0+64
vma 20fc864c0000-20fc86500000 rw-p anon
present 0+64
vma 2108a9a40000-2108a9a80000 rw-p anon
present 0+64
vma 210db7cc0000-210db7d00000 rw-p anon
present 0+64
vma 2112153c0000-211215400000 rw-p anon
present 0+64
vma 2114fedc0000-2114fee00000 rw-p anon
present 0+64
vma 2116195c0000-211619600000 rw-p anon
present 0+64
vma 2117f0440000-2117f0480000 rw-p anon
present 0+64
vma 21195f600000-21195f640000 rw-p anon
present 0+64
vma 2119fc1c0000-2119fc200000 rw-p anon
present 0+64
vma 211c83f40000-211c83f80000 rw-p anon
present 0+64
vma 212311fc0000-212312000000 rw-p anon
present 0+64
vma 212531900000-212531940000 rw-p anon
present 0+64
vma 212758700000-212758740000 rw-p anon
present 0+64
vma 212d79200000-212d79bf5000 rw-p anon
present 0+2549
vma 212e418c0000-212e41900000 rw-p anon
present 0+64
vma 21367e4c0000-21367e500000 rw-p anon
present 0+64
vma 213a80b40000-213a80b80000 rw-p anon
present 0+64
vma 2145b99c0000-2145b9a00000 rw-p anon
present 0+64
vma 214ddbe80000-214ddbec0000 rw-p anon
present 0+64
vma 214ee3140000-214ee3180000 rw-p anon
present 0+64
vma 21512e780000-21512e7c0000 rw-p anon
present 0+64
vma 21540e880000-21540e8c0000 rw-p anon
present 0+64
vma 2154b7440000-2154b7480000 rw-p anon
present 0+64
vma 21760ab00000-21760ab40000 rw-p anon
present 0+64
vma 2176250c0000-217625100000 rw-p anon
present 0+64
vma 217b86500000-217b86540000 rw-p anon
present 0+64
vma 218350000000-218350040000 rw-p anon
present 0+64
vma 21888ef00000-21888ef40000 rw-p anon
present 0+64
vma 218f5bdc0000-218f5be00000 rw-p anon
present 0+64
vma 2193b7dc0000-2193b7e00000 rw-p anon
present 0+64
vma 219b00d00000-219b00d40000 rw-p anon
present 0+64
vma 21a44a780000-21a44a7c0000 rw-p anon
present 0+64
vma 21a70ff80000-21a70ffc0000 rw-p anon
present 0+64
vma 21cc79480000-21cc794c0000 rw-p anon
present 0+64
vma 21e1f8f00000-21e1f8f40000 rw-p anon
present 0+64
vma 21eaeb400000-21eaeb440000 rw-p anon
present 0+64
vma 21eec4f40000-21eec4f80000 rw-p anon
present 0+64
vma 220c00400000-220c00440000 rw-p anon
present 0+64
vma 220d68c00000-220d68c40000 rw-p anon
present 0+64
vma 2236d25c0000-2236d2600000 rw-p anon
present 0+64
vma 223911dc0000-223911e00000 rw-p anon
present 0+64
vma 223938a80000-223938ac0000 rw-p anon
present 0+64
vma 224851f00000-224851f40000 rw-p anon
present 0+64
vma 2249c0880000-2249c08c0000 rw-p anon
present 0+64
vma 224ed4b80000-224ed4bc0000 rw-p anon
present 0+64
vma 225549bc0000-225549c00000 rw-p anon
present 0+64
vma 225799000000-225799040000 rw-p anon
present 0+64
vma 225dbfac0000-225dbfb00000 rw-p anon
present 0+64
vma 226a6f200000-226a6f240000 rw-p anon
present 0+64
vma 226c78e80000-226c78ec0000 rw-p anon
present 0+64
vma 227623840000-227623880000 rw-p anon
present 0+64
vma 22861efc0000-22861f000000 rw-p anon
present 0+64
vma 229243b00000-229243b40000 rw-p anon
present 0+64
vma 22a112140000-22a112180000 rw-p anon
present 0+64
vma 22a3ea7c0000-22a3ea800000 rw-p anon
present 0+64
vma 22a8e7a00000-22a8e7a40000 rw-p anon
present 0+64
vma 22aff6f80000-22aff6fc0000 rw-p anon
present 0+64
vma 22b42a580000-22b42a5c0000 rw-p anon
present 0+64
vma 22b46f400000-22b46f440000 rw-p anon
present 0+64
vma 22b7ed7c0000-22b7ed800000 rw-p anon
present 0+64
vma 22bf649c0000-22bf64a00000 rw-p anon
present 0+64
vma 22c0ee580000-22c0ee5c0000 rw-p anon
present 0+64
vma 22c13e0c0000-22c13e100000 rw-p anon
present 0+64
vma 22ce80b00000-22ce80b40000 rw-p anon
present 0+64
vma 22d0c9640000-22d0c9680000 rw-p anon
present 0+64
vma 22d7825c0000-22d782600000 rw-p anon
present 0+64
vma 22dc786c0000-22dc78700000 rw-p anon
present 0+64
vma 22e6feb40000-22e6feb80000 rw-p anon
present 0+64
vma 22ea3e280000-22ea3e2c0000 rw-p anon
present 0+64
vma 22eb51ec0000-22eb51f00000 rw-p anon
present 0+64
vma 22f29db40000-22f29db80000 rw-p anon
present 0+64
vma 2308fcec0000-2308fcf00000 rw-p anon
present 0+64
vma 230fff540000-230fff580000 rw-p anon
present 0+64
vma 231211a80000-231211ac0000 rw-p anon
present 0+64
vma 23121c640000-23121c680000 rw-p anon
present 0+64
vma 231521ac0000-231521b00000 rw-p anon
present 0+64
vma 2317578c0000-231757900000 rw-p anon
present 0+64
vma 231c3d340000-231c3d380000 rw-p anon
present 0+64
vma 231e8e080000-231e8e0c0000 rw-p anon
present 0+64
vma 2329d9000000-2329d9040000 rw-p anon
present 0+64
vma 232de6b00000-232de6b40000 rw-p anon
present 0+64
vma 233c4e640000-233c4e680000 rw-p anon
present 0+64
vma 234aeabc0000-234aeac00000 rw-p anon
present 0+64
vma 23569b980000-23569b9c0000 rw-p anon
present 0+64
vma 235724000000-235724040000 rw-p anon
present 0+64
vma 23575cd80000-23575cdc0000 rw-p anon
present 0+64
vma 2358dcc80000-2358dccc0000 rw-p anon
present 0+64
vma 235902f40000-235902f80000 rw-p anon
present 0+64
vma 235bc2a40000-235bc2a80000 rw-p anon
present 0+64
vma 236410800000-236410840000 rw-p anon
present 0+64
vma 236e16140000-236e16180000 rw-p anon
present 0+64
vma 237336fc0000-237337000000 rw-p anon
present 0+64
vma 238212b00000-238212b40000 rw-p anon
present 0+64
vma 238af7b00000-238af7b40000 rw-p anon
present 0+64
vma 239083800000-239083840000 rw-p anon
present 0+64
vma 239c6e700000-239c6e740000 rw-p anon
present 0+64
vma 239e159c0000-239e15a00000 rw-p anon
present 0+64
vma 23a1fbc80000-23a1fbcc0000 rw-p anon
present 0+64
vma 23b286200000-23b286240000 rw-p anon
present 0+64
vma 23b9f8500000-23b9f8540000 rw-p anon
present 0+64
vma 23bccdc40000-23bccdc80000 rw-p anon
present 0+64
vma 23ca852c0000-23ca85300000 rw-p anon
present 0+64
vma 23d307380000-23d3073c0000 rw-p anon
present 0+64
vma 23d4a95c0000-23d4a9600000 rw-p anon
present 0+64
vma 23da16a00000-23da16a40000 rw-p anon
present 0+64
vma 23de73bc0000-23de73c00000 rw-p anon
present 0+64
vma 23ee2efc0000-23ee2f000000 rw-p anon
present 0+64
vma 23f336400000-23f336440000 rw-p anon
present 0+64
vma 23f759180000-23f7591c0000 rw-p anon
present 0+64
vma 23fca4780000-23fca47c0000 rw-p anon
present 0+64
vma 240460e80000-240460ec0000 rw-p anon
present 0+64
vma 2413c9940000-2413c9980000 rw-p anon
present 0+64
vma 241c97080000-241c970c0000 rw-p anon
present 0+64
vma 241e990c0000-241e99100000 rw-p anon
present 0+64
vma 242055900000-242055940000 rw-p anon
present 0+64
vma 24205e580000-24205e5c0000 rw-p anon
present 0+64
vma 2427c3100000-2427c38a3000 rw-p anon
present 0+1955
vma 242d14840000-242d14880000 rw-p anon
present 0+64
vma 244e439c0000-244e43a00000 rw-p anon
present 0+64
vma 2453e4a80000-2453e4ac0000 rw-p anon
present 0+64
vma 2455cfc80000-2455cfcc0000 rw-p anon
present 0+64
vma 245d93700000-245d93740000 rw-p anon
present 0+64
vma 245fb0380000-245fb03c0000 rw-p anon
present 0+64
vma 2467e3d40000-2467e3d80000 rw-p anon
present 0+64
vma 247020300000-247020340000 rw-p anon
present 0+64
vma 2470a9bc0000-2470a9c00000 rw-p anon
present 0+64
vma 24760ea80000-24760eac0000 rw-p anon
present 0+64
vma 2486f8900000-2486f8940000 rw-p anon
present 0+64
vma 2496da340000-2496da380000 rw-p anon
present 0+64
vma 24a0fedc0000-24a0fee00000 rw-p anon
present 0+64
vma 24a1e8bc0000-24a1e8c00000 rw-p anon
present 0+64
vma 24b23d1c0000-24b23d200000 rw-p anon
present 0+64
vma 24b36c600000-24b36c640000 rw-p anon
present 0+64
vma 24b482000000-24b482040000 rw-p anon
present 0+64
vma 24b616540000-24b616580000 rw-p anon
present 0+64
vma 24bc19f80000-24bc19fc0000 rw-p anon
present 0+64
vma 24c56e280000-24c56e2c0000 rw-p anon
present 0+64
vma 24d44da80000-24d44dac0000 rw-p anon
present 0+64
vma 24d9eab40000-24d9eab80000 rw-p anon
present 0+64
vma 24e2f7b40000-24e2f7b80000 rw-p anon
present 0+64
vma 24e4774c0000-24e477500000 rw-p anon
present 0+64
vma 24e9d49c0000-24e9d4a00000 rw-p anon
present 0+64
vma 24ea07c40000-24ea07c80000 rw-p anon
present 0+64
vma 24f9d91c0000-24f9d9200000 rw-p anon
present 0+64
vma 24f9f5040000-24f9f5080000 rw-p anon
present 0+64
vma 25001a880000-25001a8c0000 rw-p anon
present 0+64
vma 25065ff00000-25065ff40000 rw-p anon
present 0+64
vma 2515ea6c0000-2515ea700000 rw-p anon
present 0+64
vma 25176c800000-25176c840000 rw-p anon
present 0+64
vma 251849fc0000-25184a000000 rw-p anon
present 0+64
vma 252274880000-2522748c0000 rw-p anon
present 0+64
vma 252beae00000-252beae40000 rw-p anon
present 0+64
vma 253ffffc0000-254000000000 rw-p anon
present 0+64
vma 2542a8280000-2542a82c0000 rw-p anon
present 0+64
vma 254565780000-2545657c0000 rw-p anon
present 0+64
vma 254a17280000-254a172c0000 rw-p anon
present 0+64
vma 2553f7680000-2553f76c0000 rw-p anon
present 0+64
vma 255540500000-255540540000 rw-p anon
present 0+64
vma 255b02400000-255b02440000 rw-p anon
present 0+64
vma 255d5d7c0000-255d5d800000 rw-p anon
present 0+64
vma 255fc2340000-255fc2380000 rw-p anon
present 0+64
vma 25667cfc0000-25667d000000 rw-p anon
present 0+64
vma 256e57580000-256e575c0000 rw-p anon
present 0+64
vma 259adb680000-259adb6c0000 rw-p anon
present 0+64
vma 259d5d340000-259d5d380000 rw-p anon
present 0+64
vma 259e24fc0000-259e25000000 rw-p anon
present 0+64
vma 25b2ac580000-25b2ac5c0000 rw-p anon
present 0+64
vma 25b2b8740000-25b2b8780000 rw-p anon
present 0+64
vma 25ba0f840000-25ba0f880000 rw-p anon
present 0+64
vma 25d145740000-25d145780000 rw-p anon
present 0+64
vma 25d5bb740000-25d5bb780000 rw-p anon
present 0+64
vma 25d6c2b00000-25d6c2b40000 rw-p anon
present 0+64
vma 25ddca980000-25ddca9c0000 rw-p anon
present 0+64
vma 25e5249c0000-25e524a00000 rw-p anon
present 0+64
vma 25ee60180000-25ee601c0000 rw-p anon
present 0+64
vma 25ef7e580000-25ef7e5c0000 rw-p anon
present 0+64
vma 25f094500000-25f094540000 rw-p anon
present 0+64
vma 25f453740000-25f453780000 rw-p anon
present 0+64
vma 25f83a900000-25f83a940000 rw-p anon
present 0+64
vma 25f95ce00000-25f95ce40000 rw-p anon
present 0+64
vma 25fdb5d00000-25fdb5d40000 rw-p anon
present 0+64
vma 25ff03a00000-25ff03a40000 rw-p anon
present 0+64
vma 260d49a80000-260d49ac0000 rw-p anon
present 0+64
vma 2617b2080000-2617b20c0000 rw-p anon
present 0+64
vma 2620c7c40000-2620c7c80000 rw-p anon
present 0+64
vma 2623c99c0000-2623c9a00000 rw-p anon
present 0+64
vma 262f07800000-262f07840000 rw-p anon
present 0+64
vma 2636d2340000-2636d2380000 rw-p anon
present 0+64
vma 2642e03c0000-2642e0400000 rw-p anon
present 0+64
vma 264304c40000-264304c80000 rw-p anon
present 0+64
vma 2645b8a00000-2645b8a40000 rw-p anon
present 0+64
vma 264a86700000-264a86740000 rw-p anon
present 0+64
vma 264cc7180000-264cc71c0000 rw-p anon
present 0+64
vma 26518a480000-26518a4c0000 rw-p anon
present 0+64
vma 265546d00000-265546d40000 rw-p anon
present 0+64
vma 2658e48c0000-2658e4900000 rw-p anon
present 0+64
vma 265b6da80000-265b6dac0000 rw-p anon
present 0+64
vma 26603b1c0000-26603b200000 rw-p anon
present 0+64
vma 266d348c0000-266d34900000 rw-p anon
present 0+64
vma 267e2dd00000-267e2dd40000 rw-p anon
present 0+64
vma 2685b9bc0000-2685b9c00000 rw-p anon
present 0+64
vma 2685f2780000-2685f27c0000 rw-p anon
present 0+64
vma 2687d3080000-2687d30c0000 rw-p anon
present 0+64
vma 269276c00000-269276c40000 rw-p anon
present 0+64
vma 2692e2100000-2692e2140000 rw-p anon
present 0+64
vma 26b3d5500000-26b3d5540000 rw-p anon
present 0+64
vma 26c031b40000-26c031b80000 rw-p anon
present 0+64
vma 26c13cbc0000-26c13cc00000 rw-p anon
present 0+64
vma 26c4f3000000-26c4f3040000 rw-p anon
present 0+64
vma 26cf65d80000-26cf65dc0000 rw-p anon
present 0+64
vma 26d812c80000-26d812cc0000 rw-p anon
present 0+64
vma 26f2ad440000-26f2ad480000 rw-p anon
present 0+64
vma 26f599000000-26f599040000 rw-p anon
present 0+64
vma 2708820c0000-270882100000 rw-p anon
present 0+64
vma 270a3ba00000-270a3ba40000 rw-p anon
present 0+64
vma 27157da80000-27157dac0000 rw-p anon
present 0+64
vma 271ab5d80000-271ab5dc0000 rw-p anon
present 0+64
vma 271cdbd40000-271cdbd80000 rw-p anon
present 0+64
vma 271de4040000-271de4080000 rw-p anon
present 0+64
vma 271fbb600000-271fbb640000 rw-p anon
present 0+64
vma 27265a980000-27265a9c0000 rw-p anon
present 0+64
vma 274fdc180000-274fdc1c0000 rw-p anon
present 0+64
vma 27634fd40000-27634fd80000 rw-p anon
present 0+64
vma 27682d240000-27682d280000 rw-p anon
present 0+64
vma 276a8d3c0000-276a8d400000 rw-p anon
present 0+64
vma 276d7d800000-276d7d840000 rw-p anon
present 0+64
vma 276ff82c0000-276ff8300000 rw-p anon
present 0+64
vma 27805a700000-27805a740000 rw-p anon
present 0+64
vma 279e00a40000-279e00a80000 rw-p anon
present 0+64
vma 27a0b92c0000-27a0b9300000 rw-p anon
present 0+64
vma 27aab1100000-27aab1140000 rw-p anon
present 0+64
vma 27b486b80000-27b486bc0000 rw-p anon
present 0+64
vma 27b641540000-27b641580000 rw-p anon
present 0+64
vma 27b7f0080000-27b7f00c0000 rw-p anon
present 0+64
vma 27bc4e780000-27bc4e7c0000 rw-p anon
present 0+64
vma 27c021dc0000-27c021e00000 rw-p anon
present 0+64
vma 27caa82c0000-27caa8300000 rw-p anon
present 0+64
vma 27d535900000-27d535940000 rw-p anon
present 0+64
vma 27da97140000-27da97180000 rw-p anon
present 0+64
vma 27dce6e80000-27dce6ec0000 rw-p anon
present 0+64
vma 2811800c0000-281180100000 rw-p anon
present 0+64
vma 2816ba580000-2816ba5c0000 rw-p anon
present 0+64
vma 2826d9940000-2826d9980000 rw-p anon
present 0+64
vma 282f7bb00000-282f7bb40000 rw-p anon
present 0+64
vma 282fc34c0000-282fc3500000 rw-p anon
present 0+64
vma 283247700000-283247740000 rw-p anon
present 0+64
vma 28335a780000-28335a7c0000 rw-p anon
present 0+64
vma 2834c6b00000-2834c6b40000 rw-p anon
present 0+64
vma 2834dac00000-2834dac40000 rw-p anon
present 0+64
vma 28356c6c0000-28356c700000 rw-p anon
present 0+64
vma 2846d8240000-2846dba42000 rw-p anon
present 0+14338
vma 2855700c0000-285570100000 rw-p anon
present 0+64
vma 285dca2c0000-285dca300000 rw-p anon
present 0+64
vma 286816900000-286816940000 rw-p anon
present 0+64
vma 2871910c0000-287191100000 rw-p anon
present 0+64
vma 288fb4240000-288fb4280000 rw-p anon
present 0+64
vma 289315c00000-289315c40000 rw-p anon
present 0+64
vma 28975a640000-28975a680000 rw-p anon
present 0+64
vma 28987d480000-28987d4c0000 rw-p anon
present 0+64
vma 2899805c0000-289980600000 rw-p anon
present 0+64
vma 28a3eae40000-28a3eae80000 rw-p anon
present 0+64
vma 28a447400000-28a447440000 rw-p anon
present 0+64
vma 28a706040000-28a706080000 rw-p anon
present 0+64
vma 28a845440000-28a845480000 rw-p anon
present 0+64
vma 28aa86000000-28aa86040000 rw-p anon
present 0+64
vma 28af88980000-28af889c0000 rw-p anon
present 0+64
vma 28b1cc140000-28b1cc180000 rw-p anon
present 0+64
vma 28b238f40000-28b238f80000 rw-p anon
present 0+64
vma 28b964a80000-28b964ac0000 rw-p anon
present 0+64
vma 28bc2dc40000-28bc2dc80000 rw-p anon
present 0+64
vma 28bdeaec0000-28bdeaf00000 rw-p anon
present 0+64
vma 28c165680000-28c1656c0000 rw-p anon
present 0+64
vma 28d3edc80000-28d3edcc0000 rw-p anon
present 0+64
vma 28d6ea880000-28d6ea8c0000 rw-p anon
present 0+64
vma 28df8f000000-28df8f040000 rw-p anon
present 0+64
vma 28dfdfd80000-28dfdfdc0000 rw-p anon
present 0+64
vma 28e99d480000-28e99d4c0000 rw-p anon
present 0+64
vma 28ea26100000-28ea26140000 rw-p anon
present 0+64
vma 28f23f300000-28f23f340000 rw-p anon
present 0+64
vma 28fb3e280000-28fb3e2c0000 rw-p anon
present 0+64
vma 28fb83700000-28fb83740000 rw-p anon
present 0+64
vma 29065a940000-29065a980000 rw-p anon
present 0+64
vma 29077f240000-29077f280000 rw-p anon
present 0+64
vma 2908be440000-2908be480000 rw-p anon
present 0+64
vma 290cb20c0000-290cb2100000 rw-p anon
present 0+64
vma 291516e40000-291516e80000 rw-p anon
present 0+64
vma 29166cb00000-29166cb40000 rw-p anon
present 0+64
vma 291a19cc0000-291a19d00000 rw-p anon
present 0+64
vma 291ef2800000-291ef2840000 rw-p anon
present 0+64
vma 29212c840000-29212c880000 rw-p anon
present 0+64
vma 292995a40000-292995a80000 rw-p anon
present 0+64
vma 292abed40000-292abed80000 rw-p anon
present 0+64
vma 293074480000-2930744c0000 rw-p anon
present 0+64
vma 2931495c0000-293149600000 rw-p anon
present 0+64
vma 29351c700000-29351c740000 rw-p anon
present 0+64
vma 2939f5b40000-2939f5b80000 rw-p anon
present 0+64
vma 293a03e40000-293a03e80000 rw-p anon
present 0+64
vma 293beb3c0000-293beb400000 rw-p anon
present 0+64
vma 29424bc80000-29424bcc0000 rw-p anon
present 0+64
vma 294dd7940000-294dd7980000 rw-p anon
present 0+64
vma 2956daa80000-2956daac0000 rw-p anon
present 0+64
vma 295dbd480000-295dbd4c0000 rw-p anon
present 0+64
vma 2964dad40000-2964dad80000 rw-p anon
present 0+64
vma 296623140000-296623180000 rw-p anon
present 0+64
vma 29684ce00000-29684ce40000 rw-p anon
present 0+64
vma 296e08cc0000-296e08d00000 rw-p anon
present 0+64
vma 297072b40000-297072b80000 rw-p anon
present 0+64
vma 297aa3d40000-297aa3d80000 rw-p anon
present 0+64
vma 298323840000-298323880000 rw-p anon
present 0+64
vma 29936b900000-29936b940000 rw-p anon
present 0+64
vma 2993fd440000-2993fd480000 rw-p anon
present 0+64
vma 29973eb40000-29973eb80000 rw-p anon
present 0+64
vma 299c3ffc0000-299c40000000 rw-p anon
present 0+64
vma 299e061c0000-299e06200000 rw-p anon
present 0+64
vma 29a7d9b80000-29a7d9bc0000 rw-p anon
present 0+64
vma 29a913080000-29a9130c0000 rw-p anon
present 0+64
vma 29b619380000-29b6193c0000 rw-p anon
present 0+64
vma 29bbdb000000-29bbdb040000 rw-p anon
present 0+64
vma 29ca460c0000-29ca46100000 rw-p anon
present 0+64
vma 29d142100000-29d142140000 rw-p anon
present 0+64
vma 29d4b9c80000-29d4b9cc0000 rw-p anon
present 0+64
vma 29d8d3480000-29d8d34c0000 rw-p anon
present 0+64
vma 29e0a1b00000-29e0a1b40000 rw-p anon
present 0+64
vma 29e379640000-29e379680000 rw-p anon
present 0+64
vma 29e489b80000-29e489bc0000 rw-p anon
present 0+64
vma 29e713540000-29e713580000 rw-p anon
present 0+64
vma 29e803680000-29e8036c0000 rw-p anon
present 0+64
vma 29eccdd80000-29eccddc0000 rw-p anon
present 0+64
vma 29f5bad80000-29f5badc0000 rw-p anon
present 0+64
vma 2a03c7380000-2a03c73c0000 rw-p anon
present 0+64
vma 2a0426ec0000-2a0426f00000 rw-p anon
present 0+64
vma 2a0b155c0000-2a0b15600000 rw-p anon
present 0+64
vma 2a14970c0000-2a1497100000 rw-p anon
present 0+64
vma 2a153cdc0000-2a153ce00000 rw-p anon
present 0+64
vma 2a1949080000-2a19490c0000 rw-p anon
present 0+64
vma 2a1d73100000-2a1d73140000 rw-p anon
present 0+64
vma 2a2085340000-2a2085380000 rw-p anon
present 0+64
vma 2a2e37600000-2a2e37640000 rw-p anon
present 0+64
vma 2a31da3c0000-2a31da400000 rw-p anon
present 0+64
vma 2a325b900000-2a325b940000 rw-p anon
present 0+64
vma 2a32a36c0000-2a32a3700000 rw-p anon
present 0+64
vma 2a339a700000-2a339a740000 rw-p anon
present 0+64
vma 2a3579740000-2a3579780000 rw-p anon
present 0+64
vma 2a3f8bf00000-2a3f8bf40000 rw-p anon
present 0+64
vma 2a47736c0000-2a4773700000 rw-p anon
present 0+64
vma 2a52da2c0000-2a52da300000 rw-p anon
present 0+64
vma 2a53740c0000-2a5374100000 rw-p anon
present 0+64
vma 2a550d3c0000-2a550d400000 rw-p anon
present 0+64
vma 2a5691f80000-2a5691fc0000 rw-p anon
present 0+64
vma 2a56cda80000-2a56cdac0000 rw-p anon
present 0+64
vma 2a6790680000-2a67906c0000 rw-p anon
present 0+64
vma 2a6f04c80000-2a6f04cc0000 rw-p anon
present 0+64
vma 2a7755700000-2a7755740000 rw-p anon
present 0+64
vma 2a7f9e880000-2a7f9e8c0000 rw-p anon
present 0+64
vma 2a90aa9c0000-2a90aaa00000 rw-p anon
present 0+64
vma 2a9ecb900000-2a9ecb940000 rw-p anon
present 0+64
vma 2aa28e380000-2aa28e3c0000 rw-p anon
present 0+64
vma 2aa5fa9c0000-2aa5faa00000 rw-p anon
present 0+64
vma 2aa64cb80000-2aa64cbc0000 rw-p anon
present 0+64
vma 2aaad7fc0000-2aaad8000000 rw-p anon
present 0+64
vma 2ac322bc0000-2ac322c00000 rw-p anon
present 0+64
vma 2ac521880000-2ac5218c0000 rw-p anon
present 0+64
vma 2adec1b80000-2adec1bc0000 rw-p anon
present 0+64
vma 2ae6e5ac0000-2ae6e5b00000 rw-p anon
present 0+64
vma 2aef66000000-2aef66040000 rw-p anon
present 0+64
vma 2af2b8f80000-2af2b8fc0000 rw-p anon
present 0+64
vma 2af38d780000-2af38d7c0000 rw-p anon
present 0+64
vma 2b0451f40000-2b0451f80000 rw-p anon
present 0+64
vma 2b09ba200000-2b09ba240000 rw-p anon
present 0+64
vma 2b1553a00000-2b1553a40000 rw-p anon
present 0+64
vma 2b20947c0000-2b2094800000 rw-p anon
present 0+64
vma 2b20bebc0000-2b20bec00000 rw-p anon
present 0+64
vma 2b231aac0000-2b231ab00000 rw-p anon
present 0+64
vma 2b327a5c0000-2b327a600000 rw-p anon
present 0+64
vma 2b3c2e5c0000-2b3c2e600000 rw-p anon
present 0+64
vma 2b3df8300000-2b3df8340000 rw-p anon
present 0+64
vma 2b457e8c0000-2b457e900000 rw-p anon
present 0+64
vma 2b4bf92c0000-2b4bf9300000 rw-p anon
present 0+64
vma 2b5590440000-2b5590480000 rw-p anon
present 0+64
vma 2b685d200000-2b685d240000 rw-p anon
present 0+64
vma 2b6f86340000-2b6f86380000 rw-p anon
present 0+64
vma 2b7231700000-2b7231740000 rw-p anon
present 0+64
vma 2b7810280000-2b78102c0000 rw-p anon
present 0+64
vma 2b794d340000-2b794d380000 rw-p anon
present 0+64
vma 2b7996040000-2b7996080000 rw-p anon
present 0+64
vma 2b7ae2300000-2b7ae2340000 rw-p anon
present 0+64
vma 2b7d27100000-2b7d27140000 rw-p anon
present 0+64
vma 2b7d5bd00000-2b7d5bd40000 rw-p anon
present 0+64
vma 2b82b9380000-2b82b93c0000 rw-p anon
present 0+64
vma 2b8bab8c0000-2b8bab900000 rw-p anon
present 0+64
vma 2b93ed040000-2b93ed080000 rw-p anon
present 0+64
vma 2b9a991c0000-2b9a99200000 rw-p anon
present 0+64
vma 2b9d367c0000-2b9d36800000 rw-p anon
present 0+64
vma 2bbbedac0000-2bbbedb00000 rw-p anon
present 0+64
vma 2bbd12e80000-2bbd12ec0000 rw-p anon
present 0+64
vma 2bbe317c0000-2bbe31800000 rw-p anon
present 0+64
vma 2bc132b40000-2bc132b80000 rw-p anon
present 0+64
vma 2bd472340000-2bd472380000 rw-p anon
present 0+64
vma 2bd7ec440000-2bd7ec480000 rw-p anon
present 0+64
vma 2bdbf5c00000-2bdbf5c40000 rw-p anon
present 0+64
vma 2be851180000-2be8511c0000 rw-p anon
present 0+64
vma 2bed4b0c0000-2bed4b100000 rw-p anon
present 0+64
vma 2bf0d7900000-2bf0d7940000 rw-p anon
present 0+64
vma 2bfd0a740000-2bfd0a780000 rw-p anon
present 0+64
vma 2c04a0180000-2c04a01c0000 rw-p anon
present 0+64
vma 2c04b0880000-2c04b08c0000 rw-p anon
present 0+64
vma 2c075fa00000-2c075fa40000 rw-p anon
present 0+64
vma 2c173a500000-2c173a540000 rw-p anon
present 0+64
vma 2c1ca8c80000-2c1ca8cc0000 rw-p anon
present 0+64
vma 2c23a1640000-2c23a1680000 rw-p anon
present 0+64
vma 2c340a940000-2c340a980000 rw-p anon
present 0+64
vma 2c35f2f00000-2c35f2f40000 rw-p anon
present 0+64
vma 2c4024a40000-2c4024a80000 rw-p anon
present 0+64
vma 2c41cbe40000-2c41cbe80000 rw-p anon
present 0+64
vma 2c4bc2a80000-2c4bc2ac0000 rw-p anon
present 0+64
vma 2c4dda1c0000-2c4dda200000 rw-p anon
present 0+64
vma 2c4f90c00000-2c4f90c40000 rw-p anon
present 0+64
vma 2c501cac0000-2c501cb00000 rw-p anon
present 0+64
vma 2c5184640000-2c5184680000 rw-p anon
present 0+64
vma 2c52289c0000-2c5228a00000 rw-p anon
present 0+64
vma 2c59b8500000-2c59b8540000 rw-p anon
present 0+64
vma 2c5dff280000-2c5dff2c0000 rw-p anon
present 0+64
vma 2c66dd140000-2c66dd180000 rw-p anon
present 0+64
vma 2c68889c0000-2c6888a00000 rw-p anon
present 0+64
vma 2c6c98880000-2c6c988c0000 rw-p anon
present 0+64
vma 2c6d0a000000-2c6d0a040000 rw-p anon
present 0+64
vma 2c7778700000-2c7778740000 rw-p anon
present 0+64
vma 2c7833780000-2c78337c0000 rw-p anon
present 0+64
vma 2c8356500000-2c8356540000 rw-p anon
present 0+64
vma 2c83db080000-2c83db0c0000 rw-p anon
present 0+64
vma 2c89b0f00000-2c89b0f40000 rw-p anon
present 0+64
vma 2c9233f80000-2c9233fc0000 rw-p anon
present 0+64
vma 2c9586f00000-2c9586f40000 rw-p anon
present 0+64
vma 2c960a300000-2c960a340000 rw-p anon
present 0+64
vma 2c9935640000-2c9935680000 rw-p anon
present 0+64
vma 2c99babc0000-2c99bac00000 rw-p anon
present 0+64
vma 2c9d1bac0000-2c9d1bb00000 rw-p anon
present 0+64
vma 2c9db2f40000-2c9db2f80000 rw-p anon
present 0+64
vma 2ca0c61c0000-2ca0c6200000 rw-p anon
present 0+64
vma 2cb2ec380000-2cb2ec3c0000 rw-p anon
present 0+64
vma 2cb4aa2c0000-2cb4aa300000 rw-p anon
present 0+64
vma 2cbbf1d00000-2cbbf1d40000 rw-p anon
present 0+64
vma 2cbcb17c0000-2cbcb1800000 rw-p anon
present 0+64
vma 2cc055200000-2cc055240000 rw-p anon
present 0+64
vma 2cc0d1dc0000-2cc0d1e00000 rw-p anon
present 0+64
vma 2cd9c6200000-2cd9c6240000 rw-p anon
present 0+64
vma 2cf293580000-2cf2935c0000 rw-p anon
present 0+64
vma 2cf3fd9c0000-2cf3fda00000 rw-p anon
present 0+64
vma 2cf5ce340000-2cf5ce380000 rw-p anon
present 0+64
vma 2cf873cc0000-2cf873d00000 rw-p anon
present 0+64
vma 2cf8b7980000-2cf8b79c0000 rw-p anon
present 0+64
vma 2d0a0dec0000-2d0a0df00000 rw-p anon
present 0+64
vma 2d0b3aa00000-2d0b3aa40000 rw-p anon
present 0+64
vma 2d0bbd340000-2d0bbd380000 rw-p anon
present 0+64
vma 2d0fc5380000-2d0fc53c0000 rw-p anon
present 0+64
vma 2d148a740000-2d148a780000 rw-p anon
present 0+64
vma 2d15ddf80000-2d15ddfc0000 rw-p anon
present 0+64
vma 2d1aa0800000-2d1aa0840000 rw-p anon
present 0+64
vma 2d1f7cd40000-2d1f7cd80000 rw-p anon
present 0+64
vma 2d29ca400000-2d29ca440000 rw-p anon
present 0+64
vma 2d3072580000-2d30725c0000 rw-p anon
present 0+64
vma 2d368a600000-2d368a640000 rw-p anon
present 0+64
vma 2d44a4900000-2d44a4940000 rw-p anon
present 0+64
vma 2d4a60a40000-2d4a60a80000 rw-p anon
present 0+64
vma 2d4cc6100000-2d4cc6140000 rw-p anon
present 0+64
vma 2d4ddfa00000-2d4ddfa40000 rw-p anon
present 0+64
vma 2d53f06c0000-2d53f0700000 rw-p anon
present 0+64
vma 2d60d97c0000-2d60d9800000 rw-p anon
present 0+64
vma 2d64c0700000-2d64c0740000 rw-p anon
present 0+64
vma 2d6b30a80000-2d6b30ac0000 rw-p anon
present 0+64
vma 2d75fec40000-2d75fec80000 rw-p anon
present 0+64
vma 2d78f9540000-2d78f9580000 rw-p anon
present 0+64
vma 2d794bdc0000-2d794be00000 rw-p anon
present 0+64
vma 2d7af0600000-2d7af0640000 rw-p anon
present 0+64
vma 2d8bb69c0000-2d8bb6a00000 rw-p anon
present 0+64
vma 2d8eb7940000-2d8eb7980000 rw-p anon
present 0+64
vma 2d94f1640000-2d94f1680000 rw-p anon
present 0+64
vma 2d9514700000-2d9514740000 rw-p anon
present 0+64
vma 2d9e233c0000-2d9e23400000 rw-p anon
present 0+64
vma 2d9e7e600000-2d9e7e640000 rw-p anon
present 0+64
vma 2d9f7ae40000-2d9f7ae80000 rw-p anon
present 0+64
vma 2dac61fc0000-2dac62000000 rw-p anon
present 0+64
vma 2dce1dd00000-2dce1dd40000 rw-p anon
present 0+64
vma 2dcef4040000-2dcef4080000 rw-p anon
present 0+64
vma 2dd1eabc0000-2dd1eac00000 rw-p anon
present 0+64
vma 2dd434840000-2dd434880000 rw-p anon
present 0+64
vma 2dd5b66c0000-2dd5b6700000 rw-p anon
present 0+64
vma 2dd7d2cc0000-2dd7d2d00000 rw-p anon
present 0+64
vma 2dd8a27c0000-2dd8a2800000 rw-p anon
present 0+64
vma 2de1c2e80000-2de1c2ec0000 rw-p anon
present 0+64
vma 2def7ba80000-2def7bac0000 rw-p anon
present 0+64
vma 2df7f60c0000-2df7f6100000 rw-p anon
present 0+64
vma 2df9ff880000-2df9ff8c0000 rw-p anon
present 0+64
vma 2dfc3cec0000-2dfc3cf00000 rw-p anon
present 0+64
vma 2e0384200000-2e0384240000 rw-p anon
present 0+64
vma 2e06ebd80000-2e06ebdc0000 rw-p anon
present 0+64
vma 2e099d380000-2e099d3c0000 rw-p anon
present 0+64
vma 2e16202c0000-2e1620300000 rw-p anon
present 0+64
vma 2e16f5ec0000-2e16f5f00000 rw-p anon
present 0+64
vma 2e1c70380000-2e1c703c0000 rw-p anon
present 0+64
vma 2e2016080000-2e20160c0000 rw-p anon
present 0+64
vma 2e2ed4680000-2e2ed46c0000 rw-p anon
present 0+64
vma 2e30ae500000-2e30ae540000 rw-p anon
present 0+64
vma 2e37fb540000-2e37fb580000 rw-p anon
present 0+64
vma 2e382b200000-2e382b240000 rw-p anon
present 0+64
vma 2e39791c0000-2e3979200000 rw-p anon
present 0+64
vma 2e44b2d80000-2e44b2dc0000 rw-p anon
present 0+64
vma 2e4a49800000-2e4a49840000 rw-p anon
present 0+64
vma 2e4b2dd80000-2e4b2ddc0000 rw-p anon
present 0+64
vma 2e53fba40000-2e53fba80000 rw-p anon
present 0+64
vma 2e58e2280000-2e58e22c0000 rw-p anon
present 0+64
vma 2e6156300000-2e6156340000 rw-p anon
present 0+64
vma 2e68f9bc0000-2e68f9c00000 rw-p anon
present 0+64
vma 2e6d18600000-2e6d18640000 rw-p anon
present 0+64
vma 2e8c89a40000-2e8c89a80000 rw-p anon
present 0+64
vma 2ea0ccf00000-2ea0ccf40000 rw-p anon
present 0+64
vma 2eb65d8c0000-2eb65d900000 rw-p anon
present 0+64
vma 2eb9ec980000-2eb9ec9c0000 rw-p anon
present 0+64
vma 2ebba21c0000-2ebba2200000 rw-p anon
present 0+64
vma 2ec121c80000-2ec121cc0000 rw-p anon
present 0+64
vma 2eccc3b80000-2eccc3bc0000 rw-p anon
present 0+64
vma 2ecfc2e40000-2ecfc2e80000 rw-p anon
present 0+64
vma 2ed2a62c0000-2ed2a6300000 rw-p anon
present 0+64
vma 2edfd1a40000-2edfd1a80000 rw-p anon
present 0+64
vma 2ee71f400000-2ee71f440000 rw-p anon
present 0+64
vma 2efdf2d80000-2efdf2dc0000 rw-p anon
present 0+64
vma 2f0699c40000-2f0699c80000 rw-p anon
present 0+64
vma 2f10f6540000-2f10f6580000 rw-p anon
present 0+64
vma 2f13b44c0000-2f13b4500000 rw-p anon
present 0+64
vma 2f17956c0000-2f1795700000 rw-p anon
present 0+64
vma 2f1abc540000-2f1abc580000 rw-p anon
present 0+64
vma 2f2732140000-2f2732180000 rw-p anon
present 0+64
vma 2f3cedb80000-2f3cedbc0000 rw-p anon
present 0+64
vma 2f4eb1680000-2f4eb16c0000 rw-p anon
present 0+64
vma 2f5067b00000-2f5067b40000 rw-p anon
present 0+64
vma 2f5307f00000-2f5307f40000 rw-p anon
present 0+64
vma 2f5cf1240000-2f5cf1280000 rw-p anon
present 0+64
vma 2f5d18a80000-2f5d18ac0000 rw-p anon
present 0+64
vma 2f7c71200000-2f7c71240000 rw-p anon
present 0+64
vma 2f7ddb7c0000-2f7ddb800000 rw-p anon
present 0+64
vma 2f88f5bc0000-2f88f5c00000 rw-p anon
present 0+64
vma 2f9cf4400000-2f9cf4440000 rw-p anon
present 0+64
vma 2fa794440000-2fa794480000 rw-p anon
present 0+64
vma 2fa9763c0000-2fa976400000 rw-p anon
present 0+64
vma 2fabf1bc0000-2fabf1c00000 rw-p anon
present 0+64
vma 2fb17b540000-2fb17b580000 rw-p anon
present 0+64
vma 2fb988200000-2fb988240000 rw-p anon
present 0+64
vma 2fbf4ac80000-2fbf4acc0000 rw-p anon
present 0+64
vma 2fd727fc0000-2fd728000000 rw-p anon
present 0+64
vma 2fd8cf8c0000-2fd8cf900000 rw-p anon
present 0+64
vma 2fe2938c0000-2fe293900000 rw-p anon
present 0+64
vma 2fea687c0000-2fea68800000 rw-p anon
present 0+64
vma 2ffe8f340000-2ffe8f380000 rw-p anon
present 0+64
vma 30063a380000-30063a3c0000 rw-p anon
present 0+64
vma 301081fc0000-301082000000 rw-p anon
present 0+64
vma 301a31b80000-301a31bc0000 rw-p anon
present 0+64
vma 3021abdc0000-3021abe00000 rw-p anon
present 0+64
vma 3026f1c80000-3026f1cc0000 rw-p anon
present 0+64
vma 3027f1500000-3027f1540000 rw-p anon
present 0+64
vma 30290c180000-30290c1c0000 rw-p anon
present 0+64
vma 302e27e40000-302e27e80000 rw-p anon
present 0+64
vma 303755cc0000-303755d00000 rw-p anon
present 0+64
vma 304640e80000-304640ec0000 rw-p anon
present 0+64
vma 305e3e840000-305e3e880000 rw-p anon
present 0+64
vma 307aff940000-307aff980000 rw-p anon
present 0+64
vma 307d3bd40000-307d3bd80000 rw-p anon
present 0+64
vma 3084d8600000-3084d8640000 rw-p anon
present 0+64
vma 308548280000-3085482c0000 rw-p anon
present 0+64
vma 308e54d80000-308e54dc0000 rw-p anon
present 0+64
vma 30915a540000-30915a580000 rw-p anon
present 0+64
vma 3092b9ec0000-3092b9f00000 rw-p anon
present 0+64
vma 309baa9c0000-309baaa00000 rw-p anon
present 0+64
vma 309c2b980000-309c2b9c0000 rw-p anon
present 0+64
vma 309d26440000-309d26480000 rw-p anon
present 0+64
vma 30a131380000-30a1313c0000 rw-p anon
present 0+64
vma 30af66f00000-30af66f40000 rw-p anon
present 0+64
vma 30b485200000-30b485240000 rw-p anon
present 0+64
vma 30b7ba300000-30b7ba340000 rw-p anon
present 0+64
vma 30b8652c0000-30b865300000 rw-p anon
present 0+64
vma 30b8ceb40000-30b8ceb80000 rw-p anon
present 0+64
vma 30c94b740000-30c94b780000 rw-p anon
present 0+64
vma 30cd02040000-30cd02080000 rw-p anon
present 0+64
vma 30cebd600000-30cebd640000 rw-p anon
present 0+64
vma 30d0becc0000-30d0bed00000 rw-p anon
present 0+64
vma 30d20b880000-30d20b8c0000 rw-p anon
present 0+64
vma 30d30dc00000-30d30dc40000 rw-p anon
present 0+64
vma 30d806b00000-30d806b40000 rw-p anon
present 0+64
vma 30d8969c0000-30d896a00000 rw-p anon
present 0+64
vma 30e0e3740000-30e0e3780000 rw-p anon
present 0+64
vma 30e366c80000-30e366cc0000 rw-p anon
present 0+64
vma 30ef6b3c0000-30ef6b400000 rw-p anon
present 0+64
vma 30f19f9c0000-30f19fa00000 rw-p anon
present 0+64
vma 30f26e1c0000-30f26e200000 rw-p anon
present 0+64
vma 30f72e340000-30f72e380000 rw-p anon
present 0+64
vma 30fadb640000-30fadb680000 rw-p anon
present 0+64
vma 31028b080000-31028b0c0000 rw-p anon
present 0+64
vma 310392640000-310392680000 rw-p anon
present 0+64
vma 3106a5180000-3106a51c0000 rw-p anon
present 0+64
vma 311671900000-311671940000 rw-p anon
present 0+64
vma 31187dd40000-31187dd80000 rw-p anon
present 0+64
vma 311a06400000-311a06440000 rw-p anon
present 0+64
vma 311a75580000-311a755c0000 rw-p anon
present 0+64
vma 311b49900000-311b49940000 rw-p anon
present 0+64
vma 31247d740000-31247d780000 rw-p anon
present 0+64
vma 313dcc140000-313dcc180000 rw-p anon
present 0+64
vma 314bf8680000-314bf86c0000 rw-p anon
present 0+64
vma 315850680000-3158506c0000 rw-p anon
present 0+64
vma 316539340000-316539380000 rw-p anon
present 0+64
vma 316567e40000-316567e80000 rw-p anon
present 0+64
vma 3165f3e00000-3165f3e40000 rw-p anon
present 0+64
vma 316cb63c0000-316cb6400000 rw-p anon
present 0+64
vma 316edd400000-316edd440000 rw-p anon
present 0+64
vma 318151900000-318151940000 rw-p anon
present 0+64
vma 31852a0c0000-31852a100000 rw-p anon
present 0+64
vma 3185e3600000-3185e3640000 rw-p anon
present 0+64
vma 318c01740000-318c01780000 rw-p anon
present 0+64
vma 318db4900000-318db4940000 rw-p anon
present 0+64
vma 319677100000-319677140000 rw-p anon
present 0+64
vma 319adb100000-319adb140000 rw-p anon
present 0+64
vma 31a73b2c0000-31a73b300000 rw-p anon
present 0+64
vma 31a97c5c0000-31a97c600000 rw-p anon
present 0+64
vma 31b008f00000-31b008f40000 rw-p anon
present 0+64
vma 31c05d8c0000-31c05d900000 rw-p anon
present 0+64
vma 31c2b0540000-31c2b0580000 rw-p anon
present 0+64
vma 31c70c180000-31c70c1c0000 rw-p anon
present 0+64
vma 31c827340000-31c827380000 rw-p anon
present 0+64
vma 31d5ec280000-31d5ec2c0000 rw-p anon
present 0+64
vma 31e9e19c0000-31e9e1a00000 rw-p anon
present 0+64
vma 31ec656c0000-31ec65700000 rw-p anon
present 0+64
vma 31ee679c0000-31ee67a00000 rw-p anon
present 0+64
vma 31fb62340000-31fb62380000 rw-p anon
present 0+64
vma 31fd0eec0000-31fd0ef00000 rw-p anon
present 0+64
vma 320122a00000-320122a40000 rw-p anon
present 0+64
vma 32138b800000-32138b840000 rw-p anon
present 0+64
vma 32147d740000-32147d780000 rw-p anon
present 0+64
vma 3217aea40000-3217aea80000 rw-p anon
present 0+64
vma 322249840000-322249880000 rw-p anon
present 0+64
vma 322fb9bc0000-322fb9c00000 rw-p anon
present 0+64
vma 32310ec40000-32310ec80000 rw-p anon
present 0+64
vma 323842800000-323842840000 rw-p anon
present 0+64
vma 323a121c0000-323a12200000 rw-p anon
present 0+64
vma 323cb3c80000-323cb3cc0000 rw-p anon
present 0+64
vma 3247c8740000-3247c8780000 rw-p anon
present 0+64
vma 3247f5780000-3247f57c0000 rw-p anon
present 0+64
vma 325006c40000-325006c80000 rw-p anon
present 0+64
vma 3255bcd40000-3255bcd80000 rw-p anon
present 0+64
vma 325b9db40000-325b9db80000 rw-p anon
present 0+64
vma 327c06c80000-327c06cc0000 rw-p anon
present 0+64
vma 328ed7740000-328ed7780000 rw-p anon
present 0+64
vma 329224c80000-329224cc0000 rw-p anon
present 0+64
vma 32973c740000-32973c780000 rw-p anon
present 0+64
vma 32977a300000-32977a340000 rw-p anon
present 0+64
vma 329e26f00000-329e26f40000 rw-p anon
present 0+64
vma 32a867c00000-32a867c40000 rw-p anon
present 0+64
vma 32b184c80000-32b184cc0000 rw-p anon
present 0+64
vma 32b48e280000-32b48e2c0000 rw-p anon
present 0+64
vma 32b492940000-32b492980000 rw-p anon
present 0+64
vma 32bb8be40000-32bb8be80000 rw-p anon
present 0+64
vma 32c22d5c0000-32c22d600000 rw-p anon
present 0+64
vma 32cf88700000-32cf88740000 rw-p anon
present 0+64
vma 32d0ed540000-32d0ed580000 rw-p anon
present 0+64
vma 32dbd6540000-32dbd6580000 rw-p anon
present 0+64
vma 32e630900000-32e630940000 rw-p anon
present 0+64
vma 32e81b7c0000-32e81b800000 rw-p anon
present 0+64
vma 32ed23600000-32ed23640000 rw-p anon
present 0+64
vma 32eec7280000-32eec72c0000 rw-p anon
present 0+64
vma 32f20c3c0000-32f20c400000 rw-p anon
present 0+64
vma 32f4ff640000-32f4ff680000 rw-p anon
present 0+64
vma 32fca40c0000-32fca4100000 rw-p anon
present 0+64
vma 3301b4140000-3301b4180000 rw-p anon
present 0+64
vma 33072db00000-33072db40000 rw-p anon
present 0+64
vma 330c6a7c0000-330c6a800000 rw-p anon
present 0+64
vma 330d71640000-330d71680000 rw-p anon
present 0+64
vma 331890c00000-331890c40000 rw-p anon
present 0+64
vma 331d8cec0000-331d8cf00000 rw-p anon
present 0+64
vma 3320d7a80000-3320d7ac0000 rw-p anon
present 0+64
vma 332898380000-3328983c0000 rw-p anon
present 0+64
vma 332b26700000-332b26740000 rw-p anon
present 0+64
vma 333187040000-333187080000 rw-p anon
present 0+64
vma 333489840000-333489880000 rw-p anon
present 0+64
vma 3347577c0000-334757800000 rw-p anon
present 0+64
vma 33523aac0000-33523ab00000 rw-p anon
present 0+64
vma 3357a3800000-3357a3840000 rw-p anon
present 0+64
vma 338b19180000-338b191c0000 rw-p anon
present 0+64
vma 338e94680000-338e946c0000 rw-p anon
present 0+64
vma 33950a100000-33950a140000 rw-p anon
present 0+64
vma 33a919080000-33a9190c0000 rw-p anon
present 0+64
vma 33ad58e00000-33ad58e40000 rw-p anon
present 0+64
vma 33aef8a40000-33aef8a80000 rw-p anon
present 0+64
vma 33b947d40000-33b947d80000 rw-p anon
present 0+64
vma 33c0c6400000-33c0c6440000 rw-p anon
present 0+64
vma 33c888300000-33c888340000 rw-p anon
present 0+64
vma 33ce11b80000-33ce11bc0000 rw-p anon
present 0+64
vma 33cec6080000-33cec60c0000 rw-p anon
present 0+64
vma 33d59ff40000-33d59ff80000 rw-p anon
present 0+64
vma 33d8cd500000-33d8cd540000 rw-p anon
present 0+64
vma 33dc1d740000-33dc1d780000 rw-p anon
present 0+64
vma 33df03340000-33df03380000 rw-p anon
present 0+64
vma 33f801f80000-33f801fc0000 rw-p anon
present 0+64
vma 3400c3880000-3400c38c0000 rw-p anon
present 0+64
vma 3432837c0000-3432839b9000 rw-p anon
present 0+505
vma 343c56e80000-343c56ec0000 rw-p anon
present 0+64
vma 343f875c0000-343f87600000 rw-p anon
present 0+64
vma 3449b4680000-3449b46c0000 rw-p anon
present 0+64
vma 3452df300000-3452df340000 rw-p anon
present 0+64
vma 345655080000-3456550c0000 rw-p anon
present 0+64
vma 3459cf940000-3459cf980000 rw-p anon
present 0+64
vma 34643f0c0000-34643f100000 rw-p anon
present 0+64
vma 34679bac0000-34679bb00000 rw-p anon
present 0+64
vma 34690ff00000-34690ff40000 rw-p anon
present 0+64
vma 34777dd40000-34777dd80000 rw-p anon
present 0+64
vma 347c92fc0000-347c93000000 rw-p anon
present 0+64
vma 3487bb480000-3487bb4c0000 rw-p anon
present 0+64
vma 348967c40000-348967c80000 rw-p anon
present 0+64
vma 348ea1300000-348ea1340000 rw-p anon
present 0+64
vma 348ee9000000-348ee9040000 rw-p anon
present 0+64
vma 34930b480000-34930b4c0000 rw-p anon
present 0+64
vma 3494909c0000-349490a00000 rw-p anon
present 0+64
vma 34989a980000-34989a9c0000 rw-p anon
present 0+64
vma 349ad3dc0000-349ad3e00000 rw-p anon
present 0+64
vma 349c7b480000-349c7b4c0000 rw-p anon
present 0+64
vma 34a60dbc0000-34a60dc00000 rw-p anon
present 0+64
vma 34b2fab00000-34b2fab40000 rw-p anon
present 0+64
vma 34b9bba00000-34b9bba40000 rw-p anon
present 0+64
vma 34c2b62c0000-34c2b6300000 rw-p anon
present 0+64
vma 34d852580000-34d8525c0000 rw-p anon
present 0+64
vma 34d924740000-34d924780000 rw-p anon
present 0+64
vma 34f019e40000-34f019e80000 rw-p anon
present 0+64
vma 350aad740000-350aad780000 rw-p anon
present 0+64
vma 350d2da80000-350d2dac0000 rw-p anon
present 0+64
vma 350e02f80000-350e02fc0000 rw-p anon
present 0+64
vma 350fc33c0000-350fc3400000 rw-p anon
present 0+64
vma 351012bc0000-351012c00000 rw-p anon
present 0+64
vma 3518cfac0000-3518cfb00000 rw-p anon
present 0+64
vma 351917c40000-351917c80000 rw-p anon
present 0+64
vma 35207d840000-35207d880000 rw-p anon
present 0+64
vma 353688500000-353688540000 rw-p anon
present 0+64
vma 353c843c0000-353c84400000 rw-p anon
present 0+64
vma 354881200000-354881240000 rw-p anon
present 0+64
vma 3548819c0000-354881a00000 rw-p anon
present 0+64
vma 354955980000-3549559c0000 rw-p anon
present 0+64
vma 354e5c940000-354e5c980000 rw-p anon
present 0+64
vma 3553ed180000-3553ed1c0000 rw-p anon
present 0+64
vma 3554a5d00000-3554a5d40000 rw-p anon
present 0+64
vma 356ad7480000-356ad74c0000 rw-p anon
present 0+64
vma 356b30900000-356b30940000 rw-p anon
present 0+64
vma 35700c540000-35700c580000 rw-p anon
present 0+64
vma 357eb1ec0000-357eb1f00000 rw-p anon
present 0+64
vma 358641f40000-358641f80000 rw-p anon
present 0+64
vma 358be21c0000-358be2200000 rw-p anon
present 0+64
vma 358eb9380000-358eb93c0000 rw-p anon
present 0+64
vma 35908c200000-35908c240000 rw-p anon
present 0+64
vma 3599ff380000-3599ff3c0000 rw-p anon
present 0+64
vma 359d98740000-359d98780000 rw-p anon
present 0+64
vma 359ebae80000-359ebaec0000 rw-p anon
present 0+64
vma 35ae10040000-35ae10080000 rw-p anon
present 0+64
vma 35b64a7c0000-35b64a800000 rw-p anon
present 0+64
vma 35ba3d180000-35ba3d1c0000 rw-p anon
present 0+64
vma 35db84540000-35db84580000 rw-p anon
present 0+64
vma 35ddebd40000-35ddebd80000 rw-p anon
present 0+64
vma 35e126040000-35e126080000 rw-p anon
present 0+64
vma 35eaed880000-35eaed8c0000 rw-p anon
present 0+64
vma 35ee782c0000-35ee78300000 rw-p anon
present 0+64
vma 35eef40c0000-35eef4100000 rw-p anon
present 0+64
vma 35fc4a680000-35fc4a6c0000 rw-p anon
present 0+64
vma 35fdba2c0000-35fdba300000 rw-p anon
present 0+64
vma 360392ac0000-360392b00000 rw-p anon
present 0+64
vma 360950580000-3609505c0000 rw-p anon
present 0+64
vma 360ed98c0000-360ed9900000 rw-p anon
present 0+64
vma 361130700000-361130740000 rw-p anon
present 0+64
vma 3618efb80000-3618efbc0000 rw-p anon
present 0+64
vma 361de7ac0000-361de7b00000 rw-p anon
present 0+64
vma 362792080000-3627920c0000 rw-p anon
present 0+64
vma 36288d600000-36288d640000 rw-p anon
present 0+64
vma 362913800000-362913ea4000 rw-p anon
present 0+1700
vma 362922180000-3629221c0000 rw-p anon
present 0+64
vma 362e6cd00000-362e6cd40000 rw-p anon
present 0+64
vma 362f63740000-362f63780000 rw-p anon
present 0+64
vma 36324bfc0000-36324c000000 rw-p anon
present 0+64
vma 3635c70c0000-3635c7100000 rw-p anon
present 0+64
vma 36363cbc0000-36363cc00000 rw-p anon
present 0+64
vma 363a38980000-363a389c0000 rw-p anon
present 0+64
vma 363fa70c0000-363fa7100000 rw-p anon
present 0+64
vma 3647243c0000-364724400000 rw-p anon
present 0+64
vma 364922640000-364922680000 rw-p anon
present 0+64
vma 365bde380000-365bde3c0000 rw-p anon
present 0+64
vma 365be7140000-365be7180000 rw-p anon
present 0+64
vma 365e2aa80000-365e2aac0000 rw-p anon
present 0+64
vma 367efdd40000-367efdd80000 rw-p anon
present 0+64
vma 3686dc080000-3686dc0c0000 rw-p anon
present 0+64
vma 3686e51c0000-3686e5200000 rw-p anon
present 0+64
vma 368b1a0c0000-368b1a100000 rw-p anon
present 0+64
vma 3694dbc00000-3694dbc40000 rw-p anon
present 0+64
vma 3695aeb40000-3695aeb80000 rw-p anon
present 0+64
vma 369c1b500000-369c1b540000 rw-p anon
present 0+64
vma 36a4aef00000-36a4aef40000 rw-p anon
present 0+64
vma 36acbf180000-36acbf1c0000 rw-p anon
present 0+64
vma 36b44b380000-36b44b3c0000 rw-p anon
present 0+64
vma 36c33e540000-36c33e580000 rw-p anon
present 0+64
vma 36d6f1580000-36d6f15c0000 rw-p anon
present 0+64
vma 36dbd2300000-36dbd2340000 rw-p anon
present 0+64
vma 36e4ac400000-36e4ac440000 rw-p anon
present 0+64
vma 36e4d5a00000-36e4d5a40000 rw-p anon
present 0+64
vma 36e724100000-36e724140000 rw-p anon
present 0+64
vma 36ea0fcc0000-36ea0fd00000 rw-p anon
present 0+64
vma 36f5da000000-36f5da040000 rw-p anon
present 0+64
vma 3710e96c0000-3710e9700000 rw-p anon
present 0+64
vma 371c16740000-371c16780000 rw-p anon
present 0+64
vma 371ca9040000-371ca9080000 rw-p anon
present 0+64
vma 3732f2500000-3732f2540000 rw-p anon
present 0+64
vma 373ef0040000-373ef0080000 rw-p anon
present 0+64
vma 3744a2c40000-3744a2c80000 rw-p anon
present 0+64
vma 374828b80000-374828bc0000 rw-p anon
present 0+64
vma 374931fc0000-374932000000 rw-p anon
present 0+64
vma 374987280000-3749872c0000 rw-p anon
present 0+64
vma 374f62e00000-374f62e40000 rw-p anon
present 0+64
vma 3755949c0000-375594a00000 rw-p anon
present 0+64
vma 375dea740000-375dea780000 rw-p anon
present 0+64
vma 375fc8ac0000-375fc8b00000 rw-p anon
present 0+64
vma 376303340000-376303380000 rw-p anon
present 0+64
vma 3764b3ec0000-3764b3f00000 rw-p anon
present 0+64
vma 376ff6840000-376ff6880000 rw-p anon
present 0+64
vma 377890a40000-377890a80000 rw-p anon
present 0+64
vma 3779e4dc0000-3779e4e00000 rw-p anon
present 0+64
vma 3780b2680000-3780b26c0000 rw-p anon
present 0+64
vma 378623a00000-378623a40000 rw-p anon
present 0+64
vma 378e80840000-378e80880000 rw-p anon
present 0+64
vma 3798389c0000-379838a00000 rw-p anon
present 0+64
vma 379fc1c40000-379fc1c80000 rw-p anon
present 0+64
vma 37a14b240000-37a14b280000 rw-p anon
present 0+64
vma 37a7a64c0000-37a7a6500000 rw-p anon
present 0+64
vma 37a8d2780000-37a8d27c0000 rw-p anon
present 0+64
vma 37aaecd00000-37aaecd40000 rw-p anon
present 0+64
vma 37afc8c00000-37afc8c40000 rw-p anon
present 0+64
vma 37b46bfc0000-37b46c000000 rw-p anon
present 0+64
vma 37b9307c0000-37b930800000 rw-p anon
present 0+64
vma 37be1e2c0000-37be1e300000 rw-p anon
present 0+64
vma 37c8ae600000-37c8ae640000 rw-p anon
present 0+64
vma 380367840000-380367880000 rw-p anon
present 0+64
vma 3804f0100000-3804f0140000 rw-p anon
present 0+64
vma 3809ac100000-3809ac140000 rw-p anon
present 0+64
vma 381684100000-381684140000 rw-p anon
present 0+64
vma 381af8cc0000-381af8d00000 rw-p anon
present 0+64
vma 381f482c0000-381f48300000 rw-p anon
present 0+64
vma 382d22440000-382d22480000 rw-p anon
present 0+64
vma 383177480000-3831774c0000 rw-p anon
present 0+64
vma 383332700000-383332740000 rw-p anon
present 0+64
vma 38348cc80000-38348ccc0000 rw-p anon
present 0+64
vma 3841feac0000-3841feb00000 rw-p anon
present 0+64
vma 38560a780000-38560a7c0000 rw-p anon
present 0+64
vma 3857deb80000-3857debc0000 rw-p anon
present 0+64
vma 38623ef80000-38623efc0000 rw-p anon
present 0+64
vma 386ba5200000-386ba5240000 rw-p anon
present 0+64
vma 38716b7c0000-38716b800000 rw-p anon
present 0+64
vma 3877b8780000-3877b87c0000 rw-p anon
present 0+64
vma 3881aca00000-3881aca40000 rw-p anon
present 0+64
vma 38881d980000-38881d9c0000 rw-p anon
present 0+64
vma 389175080000-3891750c0000 rw-p anon
present 0+64
vma 38996c200000-38996c240000 rw-p anon
present 0+64
vma 38a366280000-38a3662c0000 rw-p anon
present 0+64
vma 38a6dabc0000-38a6dac00000 rw-p anon
present 0+64
vma 38a701a40000-38a701a80000 rw-p anon
present 0+64
vma 38aa85b00000-38aa85b40000 rw-p anon
present 0+64
vma 38b11c100000-38b11c140000 rw-p anon
present 0+64
vma 38b374040000-38b374080000 rw-p anon
present 0+64
vma 38b792500000-38b792540000 rw-p anon
present 0+64
vma 38b9a4300000-38b9a4340000 rw-p anon
present 0+64
vma 38c073740000-38c073780000 rw-p anon
present 0+64
vma 38c609680000-38c6096c0000 rw-p anon
present 0+64
vma 38d184940000-38d184980000 rw-p anon
present 0+64
vma 38d47ec00000-38d47ec40000 rw-p anon
present 0+64
vma 38eec3b00000-38eec3b40000 rw-p anon
present 0+64
vma 38fa40f00000-38fa40f40000 rw-p anon
present 0+64
vma 38fcc3c40000-38fcc3c80000 rw-p anon
present 0+64
vma 390935780000-3909357c0000 rw-p anon
present 0+64
vma 391316d80000-391316dc0000 rw-p anon
present 0+64
vma 3918ee8c0000-3918ee902000 rw-p anon
present 0+66
vma 391e0f6c0000-391e0f700000 rw-p anon
present 0+64
vma 392429800000-392429840000 rw-p anon
present 0+64
vma 3933d0400000-3933d0440000 rw-p anon
present 0+64
vma 394225480000-3942254c0000 rw-p anon
present 0+64
vma 394d2d8c0000-394d2d900000 rw-p anon
present 0+64
vma 395bb7c00000-395bb7c40000 rw-p anon
present 0+64
vma 396247680000-3962476c0000 rw-p anon
present 0+64
vma 3965db500000-3965db540000 rw-p anon
present 0+64
vma 396693400000-396693440000 rw-p anon
present 0+64
vma 396c3e300000-396c3e340000 rw-p anon
present 0+64
vma 39702fbc0000-39702fc00000 rw-p anon
present 0+64
vma 3970ed740000-3970ed780000 rw-p anon
present 0+64
vma 3972c1640000-3972c1680000 rw-p anon
present 0+64
vma 3978cc240000-3978cc280000 rw-p anon
present 0+64
vma 397d76040000-397d76080000 rw-p anon
present 0+64
vma 397fd0c80000-397fd0cc0000 rw-p anon
present 0+64
vma 39804e800000-39804e840000 rw-p anon
present 0+64
vma 3985079c0000-398507a00000 rw-p anon
present 0+64
vma 39906d900000-39906d940000 rw-p anon
present 0+64
vma 39939c9c0000-39939ca00000 rw-p anon
present 0+64
vma 3993a7a80000-3993a7ac0000 rw-p anon
present 0+64
vma 3999bd280000-3999bd2c0000 rw-p anon
present 0+64
vma 3999e4a40000-3999e4a80000 rw-p anon
present 0+64
vma 39a80fd80000-39a80fdc0000 rw-p anon
present 0+64
vma 39a9c1cc0000-39a9c1d00000 rw-p anon
present 0+64
vma 39aae2180000-39aae21c0000 rw-p anon
present 0+64
vma 39b019540000-39b019580000 rw-p anon
present 0+64
vma 39c6e6080000-39c6e60c0000 rw-p anon
present 0+64
vma 39cd566c0000-39cd56700000 rw-p anon
present 0+64
vma 39d504e40000-39d504e80000 rw-p anon
present 0+64
vma 39d6b8c00000-39d6b8c40000 rw-p anon
present 0+64
vma 39d831140000-39d831180000 rw-p anon
present 0+64
vma 39e4030c0000-39e403100000 rw-p anon
present 0+64
vma 39ecc10c0000-39ecc1100000 rw-p anon
present 0+64
vma 39ee5e480000-39ee5e4c0000 rw-p anon
present 0+64
vma 39f3a6bc0000-39f3a6c00000 rw-p anon
present 0+64
vma 3a06829c0000-3a0682a00000 rw-p anon
present 0+64
vma 3a14a7440000-3a14a7480000 rw-p anon
present 0+64
vma 3a15a8200000-3a15a8240000 rw-p anon
present 0+64
vma 3a1bde840000-3a1bde880000 rw-p anon
present 0+64
vma 3a223d800000-3a223d840000 rw-p anon
present 0+64
vma 3a22c6580000-3a22c65c0000 rw-p anon
present 0+64
vma 3a2fa9580000-3a2fa95c0000 rw-p anon
present 0+64
vma 3a3102680000-3a31026c0000 rw-p anon
present 0+64
vma 3a38e6640000-3a38e6680000 rw-p anon
present 0+64
vma 3a49c78c0000-3a49c7900000 rw-p anon
present 0+64
vma 3a55fff00000-3a55fff40000 rw-p anon
present 0+64
vma 3a59af740000-3a59af780000 rw-p anon
present 0+64
vma 3a6427000000-3a6427040000 rw-p anon
present 0+64
vma 3a675cd40000-3a675cd80000 rw-p anon
present 0+64
vma 3a690a100000-3a690a140000 rw-p anon
present 0+64
vma 3a726da80000-3a726dac0000 rw-p anon
present 0+64
vma 3a75ba040000-3a75ba080000 rw-p anon
present 0+64
vma 3a77ca180000-3a77ca1c0000 rw-p anon
present 0+64
vma 3a7903380000-3a79033c0000 rw-p anon
present 0+64
vma 3a80618c0000-3a8061900000 rw-p anon
present 0+64
vma 3a832e1c0000-3a832e200000 rw-p anon
present 0+64
vma 3a8417e40000-3a8417e80000 rw-p anon
present 0+64
vma 3a98d7400000-3a98d7440000 rw-p anon
present 0+16
vma 3a9c25080000-3a9c250c0000 rw-p anon
present 0+64
vma 3aba4e7c0000-3aba4e800000 rw-p anon
present 0+64
vma 3ac7a21c0000-3ac7a2200000 rw-p anon
present 0+64
vma 3ae2df200000-3ae2df240000 rw-p anon
present 0+64
vma 3ae4de180000-3ae4de1c0000 rw-p anon
present 0+64
vma 3ae797bc0000-3ae797c00000 rw-p anon
present 0+64
vma 3aeb33400000-3aeb33440000 rw-p anon
present 0+64
vma 3aec4ff40000-3aec4ff80000 rw-p anon
present 0+64
vma 3aeea5740000-3aeea5780000 rw-p anon
present 0+64
vma 3af7efb80000-3af7efbc0000 rw-p anon
present 0+64
vma 3b0110340000-3b0110380000 rw-p anon
present 0+64
vma 3b0cbd600000-3b0cbd640000 rw-p anon
present 0+64
vma 3b13c7380000-3b13c73c0000 rw-p anon
present 0+64
vma 3b13ea640000-3b13ea680000 rw-p anon
present 0+64
vma 3b1679b80000-3b1679bc0000 rw-p anon
present 0+64
vma 3b2a817c0000-3b2a81800000 rw-p anon
present 0+64
vma 3b2afd880000-3b2afd8c0000 rw-p anon
present 0+64
vma 3b3336c80000-3b3336cc0000 rw-p anon
present 0+64
vma 3b36bf7c0000-3b36bf800000 rw-p anon
present 0+64
vma 3b435a940000-3b435a980000 rw-p anon
present 0+64
vma 3b46c8f40000-3b46c8f80000 rw-p anon
present 0+64
vma 3b47e5b80000-3b47e5bc0000 rw-p anon
present 0+64
vma 3b4be4980000-3b4be49c0000 rw-p anon
present 0+64
vma 3b5a62d80000-3b5a62dc0000 rw-p anon
present 0+64
vma 3b5d90880000-3b5d908c0000 rw-p anon
present 0+64
vma 3b5ed4c80000-3b5ed4cc0000 rw-p anon
present 0+64
vma 3b6416f80000-3b6416fc0000 rw-p anon
present 0+64
vma 3b7904d40000-3b7904d80000 rw-p anon
present 0+64
vma 3b79f0c40000-3b79f0c80000 rw-p anon
present 0+64
vma 3b80b6fc0000-3b80b7000000 rw-p anon
present 0+64
vma 3b8276840000-3b8276880000 rw-p anon
present 0+64
vma 3b8e79640000-3b8e79680000 rw-p anon
present 0+64
vma 3b8eea0c0000-3b8eea100000 rw-p anon
present 0+64
vma 3b9b2b900000-3b9b2b940000 rw-p anon
present 0+64
vma 3b9cfd080000-3b9cfd0c0000 rw-p anon
present 0+64
vma 3ba6c0480000-3ba6c04c0000 rw-p anon
present 0+64
vma 3baa50040000-3baa50080000 rw-p anon
present 0+64
vma 3badf7140000-3badf7180000 rw-p anon
present 0+64
vma 3baefb680000-3baefb6c0000 rw-p anon
present 0+64
vma 3bb2b0ec0000-3bb2b0f00000 rw-p anon
present 0+64
vma 3bb2dc700000-3bb2dc740000 rw-p anon
present 0+64
vma 3bc7c0c40000-3bc7c0c80000 rw-p anon
present 0+64
vma 3bce557c0000-3bce55800000 rw-p anon
present 0+64
vma 3bd453b40000-3bd453b80000 rw-p anon
present 0+64
vma 3be446440000-3be446480000 rw-p anon
present 0+64
vma 3c022e5c0000-3c022e600000 rw-p anon
present 0+64
vma 3c16ab480000-3c16ab4c0000 rw-p anon
present 0+64
vma 3c2144500000-3c2144540000 rw-p anon
present 0+64
vma 3c236b740000-3c236b780000 rw-p anon
present 0+64
vma 3c272a040000-3c272a080000 rw-p anon
present 0+64
vma 3c3419f00000-3c3419f40000 rw-p anon
present 0+64
vma 3c3afea00000-3c3afea40000 rw-p anon
present 0+64
vma 3c4047580000-3c40475c0000 rw-p anon
present 0+64
vma 3c533f0c0000-3c533f100000 rw-p anon
present 0+64
vma 3c53bd3c0000-3c53bd400000 rw-p anon
present 0+64
vma 3c5f3a100000-3c5f3a140000 rw-p anon
present 0+64
vma 3c6014f00000-3c6014f40000 rw-p anon
present 0+64
vma 3c609d300000-3c609d340000 rw-p anon
present 0+64
vma 3c64f85c0000-3c64f8600000 rw-p anon
present 0+64
vma 3c6704180000-3c67041c0000 rw-p anon
present 0+64
vma 3c6d42e80000-3c6d42ec0000 rw-p anon
present 0+64
vma 3c6dd0280000-3c6dd02c0000 rw-p anon
present 0+64
vma 3c6f91e40000-3c6f91e80000 rw-p anon
present 0+64
vma 3c8a5e580000-3c8a5e5c0000 rw-p anon
present 0+64
vma 3c8ae5200000-3c8ae5240000 rw-p anon
present 0+64
vma 3c9024f00000-3c9024f40000 rw-p anon
present 0+64
vma 3c98f0a80000-3c98f0ac0000 rw-p anon
present 0+64
vma 3c9950ac0000-3c9950b00000 rw-p anon
present 0+64
vma 3c99edb80000-3c99edbc0000 rw-p anon
present 0+64
vma 3c9bfe680000-3c9bfe6c0000 rw-p anon
present 0+64
vma 3ca55a600000-3ca55a640000 rw-p anon
present 0+64
vma 3ca6263c0000-3ca626400000 rw-p anon
present 0+64
vma 3ca724180000-3ca7241c0000 rw-p anon
present 0+64
vma 3caa19200000-3caa19240000 rw-p anon
present 0+64
vma 3cb9af380000-3cb9af3c0000 rw-p anon
present 0+64
vma 3cbb404c0000-3cbb40500000 rw-p anon
present 0+64
vma 3cc13db40000-3cc13db80000 rw-p anon
present 0+64
vma 3cc4eed00000-3cc4eed40000 rw-p anon
present 0+2
vma 3cd1e0300000-3cd1e0340000 rw-p anon
present 0+64
vma 3cd29d200000-3cd29d240000 rw-p anon
present 0+64
vma 3cde85f40000-3cde85f80000 rw-p anon
present 0+64
vma 3cde89640000-3cde89680000 rw-p anon
present 0+64
vma 3ce138780000-3ce1387c0000 rw-p anon
present 0+64
vma 3ce2fbbc0000-3ce2fbc00000 rw-p anon
present 0+64
vma 3ceea6580000-3ceea65c0000 rw-p anon
present 0+64
vma 3cfa05400000-3cfa05440000 rw-p anon
present 0+64
vma 3d0279780000-3d02797c0000 rw-p anon
present 0+64
vma 3d04273c0000-3d0427400000 rw-p anon
present 0+64
vma 3d0730e80000-3d0730ec0000 rw-p anon
present 0+64
vma 3d1307140000-3d1307180000 rw-p anon
present 0+64
vma 3d138b340000-3d138b380000 rw-p anon
present 0+64
vma 3d169e540000-3d169e580000 rw-p anon
present 0+64
vma 3d221ff00000-3d221ff40000 rw-p anon
present 0+64
vma 3d23f1380000-3d23f13c0000 rw-p anon
present 0+64
vma 3d280c740000-3d280c780000 rw-p anon
present 0+64
vma 3d3536800000-3d3536840000 rw-p anon
present 0+64
vma 3d35b2940000-3d35b2980000 rw-p anon
present 0+64
vma 3d35b2e00000-3d35b2e40000 rw-p anon
present 0+64
vma 3d3cb7340000-3d3cb7380000 rw-p anon
present 0+64
vma 3d4054440000-3d4054480000 rw-p anon
present 0+64
vma 3d46bb980000-3d46bb9c0000 rw-p anon
present 0+64
vma 3d48a4440000-3d48a4480000 rw-p anon
present 0+64
vma 3d4acae40000-3d4acae80000 rw-p anon
present 0+64
vma 3d5490040000-3d5490080000 rw-p anon
present 0+64
vma 3d5521b40000-3d5521b80000 rw-p anon
present 0+64
vma 3d580c400000-3d580c440000 rw-p anon
present 0+64
vma 3d5901b80000-3d5901bc0000 rw-p anon
present 0+64
vma 3d5e3e580000-3d5e3e5c0000 rw-p anon
present 0+64
vma 3d613bac0000-3d613bb04000 rw-p anon
present 0+68
vma 3d68a5700000-3d68a5740000 rw-p anon
present 0+64
vma 3d7098e00000-3d7098e40000 rw-p anon
present 0+64
vma 3d70d5c00000-3d70d5c40000 rw-p anon
present 0+64
vma 3d71e6a80000-3d71e6ac0000 rw-p anon
present 0+64
vma 3d7531840000-3d7531880000 rw-p anon
present 0+64
vma 3d84d5800000-3d84d5840000 rw-p anon
present 0+64
vma 3d84f6940000-3d84f6980000 rw-p anon
present 0+64
vma 3d915ef00000-3d915ef40000 rw-p anon
present 0+64
vma 3d93deec0000-3d93def00000 rw-p anon
present 0+64
vma 3d94f4580000-3d94f45c0000 rw-p anon
present 0+64
vma 3da215180000-3da2151c0000 rw-p anon
present 0+64
vma 3da50d300000-3da50d340000 rw-p anon
present 0+64
vma 3dac2a4c0000-3dac2a500000 rw-p anon
present 0+64
vma 3db30b700000-3db30b740000 rw-p anon
present 0+64
vma 3db60f300000-3db60f340000 rw-p anon
present 0+64
vma 3dba16b80000-3dba16bc0000 rw-p anon
present 0+64
vma 3dbe48140000-3dbe48180000 rw-p anon
present 0+64
vma 3dbf618c0000-3dbf61900000 rw-p anon
present 0+64
vma 3dcf86480000-3dcf864c0000 rw-p anon
present 0+64
vma 3dd676340000-3dd676380000 rw-p anon
present 0+64
vma 3dde38fc0000-3dde39000000 rw-p anon
present 0+64
vma 3dedc8e00000-3dedc8e40000 rw-p anon
present 0+29
vma 3df403980000-3df4039c0000 rw-p anon
present 0+64
vma 3df6947c0000-3df694800000 rw-p anon
present 0+64
vma 3e0540100000-3e0540140000 rw-p anon
present 0+64
vma 3e0836300000-3e0836340000 rw-p anon
present 0+64
vma 3e1f73000000-3e1f73040000 rw-p anon
present 0+64
vma 3e2355b40000-3e2355b80000 rw-p anon
present 0+64
vma 3e25a95c0000-3e25a9600000 rw-p anon
present 0+64
vma 3e39029c0000-3e3902a00000 rw-p anon
present 0+64
vma 3e432d7c0000-3e432d800000 rw-p anon
present 0+64
vma 3e5c70940000-3e5c70980000 rw-p anon
present 0+64
vma 3e5e888c0000-3e5e88900000 rw-p anon
present 0+64
vma 3e6410dc0000-3e6410e00000 rw-p anon
present 0+64
vma 3e69fa480000-3e69fa4c0000 rw-p anon
present 0+64
vma 3e7235d00000-3e7235d40000 rw-p anon
present 0+64
vma 3e7f84dc0000-3e7f84e00000 rw-p anon
present 0+64
vma 3e8d7d180000-3e8d7d1c0000 rw-p anon
present 0+64
vma 3e91e7cc0000-3e91e7d00000 rw-p anon
present 0+64
vma 3e9315280000-3e93152c0000 rw-p anon
present 0+64
vma 3e97b42c0000-3e97b4300000 rw-p anon
present 0+64
vma 3ea720700000-3ea720740000 rw-p anon
present 0+64
vma 3eab6fcc0000-3eab6fd00000 rw-p anon
present 0+64
vma 3eb43ae40000-3eb43ae80000 rw-p anon
present 0+64
vma 3ec5c9480000-3ec5c94c0000 rw-p anon
present 0+64
vma 3ec875b80000-3ec875bc0000 rw-p anon
present 0+64
vma 3ed041d40000-3ed041d80000 rw-p anon
present 0+64
vma 3ed49fbc0000-3ed49fc00000 rw-p anon
present 0+64
vma 3ed701980000-3ed7019c0000 rw-p anon
present 0+64
vma 3ed748c40000-3ed748c80000 rw-p anon
present 0+64
vma 3ed8c7180000-3ed8c71c0000 rw-p anon
present 0+64
vma 3ed945200000-3ed945240000 rw-p anon
present 0+64
vma 3edabb880000-3edabb8c0000 rw-p anon
present 0+64
vma 3edfe2b40000-3edfe2b80000 rw-p anon
present 0+64
vma 3ee643c80000-3ee643cc0000 rw-p anon
present 0+64
vma 3eed84900000-3eed84940000 rw-p anon
present 0+64
vma 3eef3fa40000-3eef3fa80000 rw-p anon
present 0+64
vma 3efa52280000-3efa522c0000 rw-p anon
present 0+64
vma 3f0425740000-3f0425780000 rw-p anon
present 0+64
vma 3f0463bc0000-3f0463c00000 rw-p anon
present 0+64
vma 3f1002740000-3f1002780000 rw-p anon
present 0+64
vma 3f10de8c0000-3f10de900000 rw-p anon
present 0+64
vma 3f1280a80000-3f1280ac0000 rw-p anon
present 0+64
vma 3f1d6a400000-3f1d6a440000 rw-p anon
present 0+64
vma 3f1eee340000-3f1eee380000 rw-p anon
present 0+64
vma 3f21fc3c0000-3f21fc400000 rw-p anon
present 0+64
vma 3f3db7f00000-3f3db7f40000 rw-p anon
present 0+64
vma 3f3e99140000-3f3e99180000 rw-p anon
present 0+64
vma 3f487d680000-3f487d6c0000 rw-p anon
present 0+64
vma 3f4d6d680000-3f4d6d6c0000 rw-p anon
present 0+64
vma 3f503d080000-3f503d0c0000 rw-p anon
present 0+64
vma 3f504c640000-3f504c680000 rw-p anon
present 0+64
vma 3f5395d00000-3f5395d40000 rw-p anon
present 0+64
vma 3f557eac0000-3f557eb00000 rw-p anon
present 0+64
vma 3f66c63c0000-3f66c6400000 rw-p anon
present 0+64
vma 3f6fd9880000-3f6fd98c0000 rw-p anon
present 0+64
vma 3f7975700000-3f7975740000 rw-p anon
present 0+64
vma 3f7abc440000-3f7abc480000 rw-p anon
present 0+64
vma 3f7d840c0000-3f7d84100000 rw-p anon
present 0+64
vma 3f87c5b40000-3f87c5b80000 rw-p anon
present 0+64
vma 3f8c07ec0000-3f8c07f00000 rw-p anon
present 0+64
vma 3f924ce40000-3f924ce80000 rw-p anon
present 0+64
vma 3f99766c0000-3f9976700000 rw-p anon
present 0+64
vma 3f9fb35c0000-3f9fb3600000 rw-p anon
present 0+64
vma 3fa396ec0000-3fa396f00000 rw-p anon
present 0+64
vma 3fa3e1380000-3fa3e13c0000 rw-p anon
present 0+64
vma 3fa43a7c0000-3fa43a800000 rw-p anon
present 0+64
vma 3fa80b7c0000-3fa80b800000 rw-p anon
present 0+64
vma 3fa955000000-3fa955040000 rw-p anon
present 0+64
vma 3faf4a780000-3faf4a7c0000 rw-p anon
present 0+64
vma 3fb201200000-3fb201240000 rw-p anon
present 0+64
vma 3fbf0b400000-3fbf0b440000 rw-p anon
present 0+23
vma 3fc9fe900000-3fc9fe940000 rw-p anon
present 0+64
vma 3fe796580000-3fe7965c0000 rw-p anon
present 0+64
vma 3ff46b000000-3ff46b040000 rw-p anon
present 0+64
vma 3ff6130c0000-3ff613100000 rw-p anon
present 0+64
vma 3ffa1d300000-3ffa1d340000 rw-p anon
present 0+64
vma 7f6d2efff000-7f6d30000000 rw-p anon
present 0+4097
vma 7f6d30000000-7f6d3036e000 rw-p anon
present 0+878
vma 7f6d3036e000-7f6d34000000 ---p anon
vma 7f6d34000000-7f6d3454d000 rw-p anon
present 0+490
vma 7f6d3454d000-7f6d38000000 ---p anon
vma 7f6d38000000-7f6d38366000 rw-p anon
present 0+870
vma 7f6d38366000-7f6d3c000000 ---p anon
vma 7f6d3c000000-7f6d3c26f000 rw-p anon
present 0+450
vma 7f6d3c26f000-7f6d40000000 ---p anon
vma 7f6d40000000-7f6d40002000 rw-p anon
present 0+2
vma 7f6d40002000-7f6d40003000 ---p anon
vma 7f6d40003000-7f6d4003f000 rwxp anon
present 0+6
vma 7f6d4003f000-7f6d5fe40000 ---p anon
vma 7f6d5fe40000-7f6d5ffd2000 r-xp file /usr/bin/node
present 0+32 48+80 144+48 208+16 240+16 304+16
vma 7f6d5ffd2000-7f6d60000000 ---p anon
vma 7f6d60000000-7f6d60021000 rw-p anon
present 0
vma 7f6d60021000-7f6d64000000 ---p anon
vma 7f6d64b16000-7f6d65317000 rw-p anon
present 0+2049
vma 7f6d65718000-7f6d65739000 rw-p anon
present 0+33
vma 7f6d65739000-7f6d6573a000 ---p anon
vma 7f6d6573a000-7f6d65f3a000 rw-p anon
present 2042+6
vma 7f6d65f3a000-7f6d65f3b000 ---p anon
vma 7f6d65f3b000-7f6d6673b000 rw-p anon
present 2046+2
vma 7f6d6673b000-7f6d6673c000 ---p anon
vma 7f6d6673c000-7f6d66f3c000 rw-p anon
present 2042+6
vma 7f6d66f3c000-7f6d66f3d000 ---p anon
vma 7f6d66f3d000-7f6d6773d000 rw-p anon
present 2042+6
vma 7f6d6773d000-7f6d6773e000 ---p anon
vma 7f6d6773e000-7f6d67f3e000 rw-p anon
present 2042+2 2046+2
vma 7f6d67f3e000-7f6d67f64000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7f6d67f64000-7f6d680ba000 r-xp file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+188 204+32 284+16 316+26
vma 7f6d680ba000-7f6d6810d000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+38
vma 7f6d6810d000-7f6d68111000 r--p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+4
vma 7f6d68111000-7f6d68113000 rw-p file /usr/lib/x86_64-linux-gnu/libc.so.6
present 0+2
vma 7f6d68113000-7f6d68120000 rw-p anon
present 0 4+3 12
vma 7f6d68120000-7f6d68130000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0 2+14
vma 7f6d68130000-7f6d681a4000 r-xp file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0+64 80+16
vma 7f6d681a4000-7f6d681fe000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
vma 7f6d681fe000-7f6d681ff000 r--p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7f6d681ff000-7f6d68200000 rw-p file /usr/lib/x86_64-linux-gnu/libm.so.6
present 0
vma 7f6d68200000-7f6d68299000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+153
vma 7f6d68299000-7f6d6839a000 r-xp file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+71 87+96
vma 7f6d6839a000-7f6d68409000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+16 38+16
vma 7f6d68409000-7f6d68414000 r--p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+11
vma 7f6d68414000-7f6d68417000 rw-p file /usr/lib/x86_64-linux-gnu/libstdc++.so.6.0.30
present 0+3
vma 7f6d68417000-7f6d6841a000 rw-p anon
present 0+3
vma 7f6d68421000-7f6d68425000 rw-p anon
vma 7f6d68425000-7f6d684a1000 ---p anon
vma 7f6d684a1000-7f6d684a7000 rw-p anon
present 0+6
vma 7f6d684a7000-7f6d684a8000 r--p file /usr/lib/x86_64-linux-gnu/libpthread.so.0
present 0
vma 7f6d684a8000-7f6d684a9000 r-xp file /usr/lib/x86_64-linux-gnu/libpthread.so.0
present 0
vma 7f6d684a9000-7f6d684aa000 r--p file /usr/lib/x86_64-linux-gnu/libpthread.so.0
vma 7f6d684aa000-7f6d684ab000 r--p file /usr/lib/x86_64-linux-gnu/libpthread.so.0
present 0
vma 7f6d684ab000-7f6d684ac000 rw-p file /usr/lib/x86_64-linux-gnu/libpthread.so.0
present 0
vma 7f6d684ac000-7f6d684af000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+3
vma 7f6d684af000-7f6d684c6000 r-xp file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0+16
vma 7f6d684c6000-7f6d684ca000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
vma 7f6d684ca000-7f6d684cb000 r--p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7f6d684cb000-7f6d684cc000 rw-p file /usr/lib/x86_64-linux-gnu/libgcc_s.so.1
present 0
vma 7f6d684cc000-7f6d684cd000 r--p file /usr/lib/x86_64-linux-gnu/libdl.so.2
present 0
vma 7f6d684cd000-7f6d684ce000 r-xp file /usr/lib/x86_64-linux-gnu/libdl.so.2
present 0
vma 7f6d684ce000-7f6d684cf000 r--p file /usr/lib/x86_64-linux-gnu/libdl.so.2
vma 7f6d684cf000-7f6d684d0000 r--p file /usr/lib/x86_64-linux-gnu/libdl.so.2
present 0
vma 7f6d684d0000-7f6d684d1000 rw-p file /usr/lib/x86_64-linux-gnu/libdl.so.2
present 0
vma 7f6d684d3000-7f6d684d4000 ---p anon
vma 7f6d684d4000-7f6d684dc000 rw-p anon
present 6+2
vma 7f6d684dc000-7f6d684de000 rw-p anon
present 0+2
vma 7f6d684de000-7f6d684e2000 r--p special [vvar]
vma 7f6d684e2000-7f6d684e4000 r--p special [vvar_vclock]
vma 7f6d684e4000-7f6d684e6000 r-xp special [vdso]
present 0
vma 7f6d684e6000-7f6d684e7000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0
vma 7f6d684e7000-7f6d6850d000 r-xp file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+38
vma 7f6d6850d000-7f6d68517000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+10
vma 7f6d68517000-7f6d68519000 r--p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7f6d68519000-7f6d6851b000 rw-p file /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2
present 0+2
vma 7ffddb650000-7ffddb671000 rw-p anon [stack]
present 18+15
vma ffffffffff600000-ffffffffff601000 --xp special [vsyscall]
