/* The module most rt tests run on: a String class with HashLink's hooks (natives), classes, enums,
 * virtuals and function types covering every value kind, and natives standing in for Haxe methods. */
#ifndef RT_TESTMOD_H
#define RT_TESTMOD_H

#include "rt_harness.h"

typedef struct rtm {
    hlb_std s;
    int32_t Vzeta, Vfl, Vabc;
    int32_t String, Point, Pt2, Sub, Color, Vab, Vlx, Vf, Vxy, Vxf, Vpt, Ni32, Nf64, Ri32, Abs, Holder;
    int32_t tfun_ii, tfun_dd, tfun_iii, tfun_arr, tfun_pt_ii, tfun_pt_i, tfun_v, tfun_s;
    int32_t f_add1, f_add, f_varargs, f_ptmul, f_dynstr, f_boom;
} rtm;

extern const rth_native rtm_natives[];
/* Builds the module (returns the builder) and fills m. */
hlb_builder *rtm_build(rtm *m);
/* Opens the harness on it (stress: collect at every allocation). Returns false on failure. */
bool rtm_open(rth *h, rtm *m, hlb_builder **b, bool stress);

/* Value helpers (results unrooted: root them before the next allocation). */
vdynamic *rtm_int(rth *h, int32_t v);
vdynamic *rtm_float(rth *h, double v);
vobj *rtm_point(rth *h, rtm *m, int32_t x, double y, const char *name);
/* A closure of findex f (plain). */
vclosure *rtm_fun(rth *h, int32_t findex);

#endif
