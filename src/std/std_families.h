/* The native families the registry (std_registry.c) searches, in order. Add a family here and define
 * its table `const hli_native_def hli_std_<name>_natives[]` in src/std/std_<name>.c. */
#ifndef HLI_STD_FAMILIES_H
#define HLI_STD_FAMILIES_H

#include "std/natives.h"

#define HLI_STD_FAMILIES(X) \
    X(obj) X(type) X(fun) X(exc) X(bytes) X(string) X(array) X(maps) X(math) X(sys_core) \
    X(sys) X(file) X(regexp) X(gc) X(thread) X(fmt) X(process) X(socket)

#define HLI_STD_DECLARE_FAMILY(name) HLI_INTERNAL extern const hli_native_def hli_std_##name##_natives[];
HLI_STD_FAMILIES(HLI_STD_DECLARE_FAMILY)
#undef HLI_STD_DECLARE_FAMILY

#endif
