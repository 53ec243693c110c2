/* SPDX-License-Identifier: MIT */
/*
 * thp_resv_policies.h - the THP reservation policies, one line each.
 *
 * THP_RESV_POLICY(word, ops) registers the struct thp_resv_policy_ops
 * @ops as the value `resv_shrink=word` of the THP knob.  The lines give
 * the knob's words in order (the first is the default), the enum
 * resv_shrink values (RESV_SHRINK_word), the extern declarations and
 * thp_resv.c's table: adding a policy is its own file plus one line
 * here.  No include guard: each user includes it with its own
 * THP_RESV_POLICY().
 */
THP_RESV_POLICY(all, thp_resv_all_policy)	/* the RFC: release all (thp_resv.c) */
THP_RESV_POLICY(lru, thp_resv_lru_policy)	/* FreeBSD's order (thp_resv.c) */
THP_RESV_POLICY(util, thp_resv_util_policy)	/* HawkEye-like (thp_resv_util.c) */
