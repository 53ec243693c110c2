/* SPDX-License-Identifier: MIT */
/*
 * prng.h - the project's own seeded pseudo-random generator.
 *
 * xoshiro256** (Blackman and Vigna, public domain algorithm), seeded
 * through splitmix64 so that any 64-bit seed, 0 included, gives a good
 * state.  Everything random in hugeresv (the fuzzer, later the policy
 * lab) draws from one of these, so a printed seed reproduces a run on
 * any machine: no libc rand(), no time, no address in the stream.
 *
 * State: four 64-bit words, never all zero (splitmix64 cannot produce
 * four zero outputs in a row).  Not shared: each user owns its struct.
 */
#ifndef HR_PRNG_H
#define HR_PRNG_H

#include <stdint.h>

struct prng {
	uint64_t s[4];
};

/* One step of splitmix64: a good 64-bit mix of a counter. */
static inline uint64_t prng_mix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void prng_seed(struct prng *r, uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		r->s[i] = prng_mix(&seed);
}

static inline uint64_t prng_rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static inline uint64_t prng_next(struct prng *r)
{
	uint64_t *s = r->s;
	uint64_t out = prng_rotl(s[1] * 5, 7) * 9, t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = prng_rotl(s[3], 45);
	return out;
}

/* Uniform in [0, n), n > 0 (Lemire's multiply; the bias is < n / 2^64). */
static inline unsigned prng_below(struct prng *r, unsigned n)
{
	return (unsigned)(((prng_next(r) >> 32) * (uint64_t)n) >> 32);
}

/* Uniform in [lo, hi]. */
static inline unsigned prng_range(struct prng *r, unsigned lo, unsigned hi)
{
	return lo + prng_below(r, hi - lo + 1);
}

/* True with probability @percent / 100. */
static inline int prng_chance(struct prng *r, unsigned percent)
{
	return prng_below(r, 100) < percent;
}

#endif /* HR_PRNG_H */
