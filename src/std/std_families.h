/* The native families the registry (std_registry.c) searches, in order. Add a family here and define
 * its table `const hli_native_def hli_std_<name>_natives[]` in src/std/std_<name>.c. */
#ifndef HLI_STD_FAMILIES_H
#define HLI_STD_FAMILIES_H

#include "std/natives.h"

#define HLI_STD_FAMILIES(X) \
    X(obj) X(type) X(fun) X(exc) X(bytes) X(string) X(array) X(maps) X(math) X(sys_core) \
    X(sys) X(file) X(regexp) X(gc) X(thread) X(fmt) X(process) X(socket) X(profile)

/* The natives that reach the system, by the family a host can deny (hlffi_vm_deny_natives, with the
 * HLFFI_NATIVES_* flags of hlffi.h; the linker binds a denied one as missing). A name ending in '_'
 * covers every "std" native with that prefix; the first match counts, so an exception (family 0) goes
 * before its prefix. Natives not listed belong to no family; list here
 * every new native that opens files, walks the filesystem, starts processes, uses the network, or
 * reads or changes the environment, the working directory or the locale. The standard streams
 * (file_stdin/stdout/stderr and reads and writes on their handles) stay: output goes to the print hook. */
#define HLI_STD_SYSTEM_NATIVES(X) \
    X("file_open", HLFFI_NATIVES_FILES) X("file_contents", HLFFI_NATIVES_FILES) \
    X("sys_exists", HLFFI_NATIVES_FILES) X("sys_delete", HLFFI_NATIVES_FILES) X("sys_rename", HLFFI_NATIVES_FILES) \
    X("sys_stat", HLFFI_NATIVES_FILES) X("sys_is_dir", HLFFI_NATIVES_FILES) X("sys_create_dir", HLFFI_NATIVES_FILES) \
    X("sys_remove_dir", HLFFI_NATIVES_FILES) X("sys_read_dir", HLFFI_NATIVES_FILES) \
    X("sys_full_path", HLFFI_NATIVES_FILES) X("sys_exe_path", HLFFI_NATIVES_FILES) X("gc_dump_memory", HLFFI_NATIVES_FILES) \
    X("process_", HLFFI_NATIVES_PROCESSES) X("sys_command", HLFFI_NATIVES_PROCESSES) \
    X("socket_init", 0) /* run by sys.net.Socket's static init: touches nothing */ \
    X("socket_", HLFFI_NATIVES_SOCKETS) X("host_", HLFFI_NATIVES_SOCKETS) \
    X("sys_get_env", HLFFI_NATIVES_ENVIRONMENT) X("sys_put_env", HLFFI_NATIVES_ENVIRONMENT) \
    X("sys_env", HLFFI_NATIVES_ENVIRONMENT) X("sys_get_cwd", HLFFI_NATIVES_ENVIRONMENT) \
    X("sys_set_cwd", HLFFI_NATIVES_ENVIRONMENT) X("sys_set_time_locale", HLFFI_NATIVES_ENVIRONMENT)

#define HLI_STD_DECLARE_FAMILY(name) HLI_INTERNAL extern const hli_native_def hli_std_##name##_natives[];
HLI_STD_FAMILIES(HLI_STD_DECLARE_FAMILY)
#undef HLI_STD_DECLARE_FAMILY

#endif
