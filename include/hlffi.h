/* hlffi: embed the HashLink VM (our own implementation) in a C or C++ host.
 * The public API follows hlffi v3's names, signatures and enum orders; see docs/api.md. */
#ifndef HLFFI_H
#define HLFFI_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(HLFFI_BUILDING) && (defined(__GNUC__) || defined(__clang__))
#define HLFFI_API __attribute__((visibility("default")))
#else
#define HLFFI_API
#endif

#define HLFFI_VERSION_MAJOR 3
#define HLFFI_VERSION_MINOR 1
#define HLFFI_VERSION_PATCH 0
#define HLFFI_VERSION_STRING "3.1.0"

/* hlffi v3 used this to register the C stack with HashLink's conservative GC. Our roots are exact,
 * so it has nothing to do; it stays so that v3 sources compile. */
#define HLFFI_ENTER_SCOPE() ((void)0)

typedef struct hlffi_vm hlffi_vm;
typedef struct hlffi_type hlffi_type;
typedef struct hl_type hl_type;
typedef struct hlffi_value hlffi_value;
typedef struct hlffi_cached_call hlffi_cached_call;

typedef enum {
    HLFFI_OK = 0,
    HLFFI_ERROR_NULL_VM,
    HLFFI_ERROR_ALREADY_INITIALIZED,
    HLFFI_ERROR_NOT_INITIALIZED,
    HLFFI_ERROR_INIT_FAILED,
    HLFFI_ERROR_DESTROY_FAILED,
    HLFFI_ERROR_FILE_NOT_FOUND,
    HLFFI_ERROR_INVALID_BYTECODE,
    HLFFI_ERROR_MODULE_LOAD_FAILED,
    HLFFI_ERROR_MODULE_INIT_FAILED,
    HLFFI_ERROR_ENTRY_POINT_NOT_FOUND,
    HLFFI_ERROR_TYPE_NOT_FOUND,
    HLFFI_ERROR_METHOD_NOT_FOUND,
    HLFFI_ERROR_FIELD_NOT_FOUND,
    HLFFI_ERROR_CALL_FAILED,
    HLFFI_ERROR_EXCEPTION_THROWN,
    HLFFI_ERROR_INVALID_TYPE,
    HLFFI_ERROR_TYPE_MISMATCH,
    HLFFI_ERROR_NULL_VALUE,
    HLFFI_ERROR_RELOAD_NOT_SUPPORTED,
    HLFFI_ERROR_RELOAD_NOT_ENABLED,
    HLFFI_ERROR_RELOAD_FAILED,
    HLFFI_ERROR_THREAD_NOT_STARTED,
    HLFFI_ERROR_THREAD_ALREADY_RUNNING,
    HLFFI_ERROR_THREAD_START_FAILED,
    HLFFI_ERROR_THREAD_STOP_FAILED,
    HLFFI_ERROR_WRONG_THREAD,
    HLFFI_ERROR_EVENTLOOP_NOT_FOUND,
    HLFFI_ERROR_EVENTLOOP_FAILED,
    HLFFI_ERROR_OUT_OF_MEMORY,
    HLFFI_ERROR_INVALID_ARGUMENT,
    HLFFI_ERROR_NOT_IMPLEMENTED,
    HLFFI_ERROR_UNKNOWN,
    /* Additions after hlffi v3 (v3's numbers above are unchanged). */
    HLFFI_ERROR_VERIFICATION_FAILED,
    HLFFI_ERROR_INTERRUPTED
} hlffi_error_code;

typedef enum { HLFFI_MODE_NON_THREADED = 0, HLFFI_MODE_THREADED = 1 } hlffi_integration_mode;

typedef enum {
    HLFFI_EVENTLOOP_UV = 0,
    HLFFI_EVENTLOOP_HAXE = 1,
    HLFFI_EVENTLOOP_ALL = 2,
    HLFFI_EVENTLOOP_TIMERS = 3,
    HLFFI_EVENTLOOP_MAINLOOP = 4
} hlffi_eventloop_type;

typedef enum {
    HLFFI_TYPE_VOID = 0,
    HLFFI_TYPE_UI8,
    HLFFI_TYPE_UI16,
    HLFFI_TYPE_I32,
    HLFFI_TYPE_I64,
    HLFFI_TYPE_F32,
    HLFFI_TYPE_F64,
    HLFFI_TYPE_BOOL,
    HLFFI_TYPE_BYTES,
    HLFFI_TYPE_DYN,
    HLFFI_TYPE_FUN,
    HLFFI_TYPE_OBJ,
    HLFFI_TYPE_ARRAY,
    HLFFI_TYPE_TYPE,
    HLFFI_TYPE_REF,
    HLFFI_TYPE_VIRTUAL,
    HLFFI_TYPE_DYNOBJ,
    HLFFI_TYPE_ABSTRACT,
    HLFFI_TYPE_ENUM,
    HLFFI_TYPE_NULL,
    HLFFI_TYPE_METHOD,
    HLFFI_TYPE_STRUCT,
    HLFFI_TYPE_PACKED
} hlffi_type_kind;

typedef enum {
    HLFFI_ARG_VOID = 0,
    HLFFI_ARG_INT,
    HLFFI_ARG_FLOAT,
    HLFFI_ARG_BOOL,
    HLFFI_ARG_STRING,
    HLFFI_ARG_DYNAMIC
} hlffi_arg_type;

typedef enum { HLFFI_CALL_OK = 0, HLFFI_CALL_EXCEPTION = 1, HLFFI_CALL_ERROR = 2 } hlffi_call_result;

typedef void (*hlffi_reload_callback)(hlffi_vm* vm, bool success, void* userdata);
typedef void (*hlffi_thread_func)(hlffi_vm* vm, void* userdata);
typedef void (*hlffi_thread_async_callback)(hlffi_vm* vm, void* result, void* userdata);
typedef void (*hlffi_type_callback)(hlffi_type* type, void* userdata);
typedef hlffi_value* (*hlffi_native_func)(hlffi_vm* vm, int argc, hlffi_value** argv);

/* ---- Lifecycle ------------------------------------------------------------------------------ */

/* A new, empty VM, or NULL when memory is exhausted. Any number may exist at once. */
HLFFI_API hlffi_vm* hlffi_create(void);
/* Records the program arguments (argv[0] is the first of Sys.args(); pass only the program's own
 * arguments). Once per VM: a second call gives HLFFI_ERROR_ALREADY_INITIALIZED. */
HLFFI_API hlffi_error_code hlffi_init(hlffi_vm* vm, int argc, char** argv);
/* Reads, loads and verifies a .hl file. Errors: FILE_NOT_FOUND, INVALID_BYTECODE (what and where),
 * VERIFICATION_FAILED (function@pc OpName: reason), ALREADY_INITIALIZED for a second load. */
HLFFI_API hlffi_error_code hlffi_load_file(hlffi_vm* vm, const char* path);
/* The same from memory; the VM copies what it needs, the caller keeps ownership of data. */
HLFFI_API hlffi_error_code hlffi_load_memory(hlffi_vm* vm, const void* data, size_t size);
/* Runs static initialisation and main(). Not available until the interpreter milestone:
 * returns HLFFI_ERROR_NOT_IMPLEMENTED. */
HLFFI_API hlffi_error_code hlffi_call_entry(hlffi_vm* vm);
/* Frees everything the VM allocated. NULL is a no-op. */
HLFFI_API void hlffi_destroy(hlffi_vm* vm);
/* The text of the VM's last failure ("" when none); valid until the next failing call on it. */
HLFFI_API const char* hlffi_get_error(hlffi_vm* vm);
/* A constant description of an error code. */
HLFFI_API const char* hlffi_get_error_string(hlffi_error_code code);
/* hlffi v3 compatibility: roots are exact here, so these have nothing to do. */
HLFFI_API void hlffi_update_stack_top(void* stack_marker);
HLFFI_API void hlffi_gc_block(void);
HLFFI_API void hlffi_gc_unblock(void);

/* ---- Exceptions ----------------------------------------------------------------------------- */

/* Std.string of the last recorded Haxe exception (UTF-8, owned by the VM; "" when none). Recorded by
 * any call that throws; stays until hlffi_clear_exception or the next exception. */
HLFFI_API const char* hlffi_get_exception_message(hlffi_vm* vm);
/* Its stack, one "Called from <function>(<file>:<line>)" line per frame, innermost first ("" without
 * debug info). */
HLFFI_API const char* hlffi_get_exception_stack(hlffi_vm* vm);
HLFFI_API bool hlffi_has_exception(hlffi_vm* vm);
HLFFI_API void hlffi_clear_exception(hlffi_vm* vm);

/* ---- Values -------------------------------------------------------------------------------- */
/* Every hlffi_value* is a rooted handle owned by the caller: valid, and keeping its Haxe value alive,
 * until hlffi_value_free (or hlffi_destroy), whatever collections run. Making one needs a loaded
 * module (else NULL with HLFFI_ERROR_NOT_INITIALIZED). */

HLFFI_API hlffi_value* hlffi_value_int(hlffi_vm* vm, int value);
HLFFI_API hlffi_value* hlffi_value_float(hlffi_vm* vm, double value);
HLFFI_API hlffi_value* hlffi_value_f32(hlffi_vm* vm, float value);
HLFFI_API hlffi_value* hlffi_value_bool(hlffi_vm* vm, bool value);
/* UTF-8 in (invalid sequences become U+FFFD); a real Haxe String. NULL str gives a null String. */
HLFFI_API hlffi_value* hlffi_value_string(hlffi_vm* vm, const char* str);
HLFFI_API hlffi_value* hlffi_value_null(hlffi_vm* vm);
/* Releases a handle; NULL is a no-op. */
HLFFI_API void hlffi_value_free(hlffi_value* value);
/* Conversions by Haxe's dynamic-cast rules (an Int read as Float is converted); the fallback for a
 * NULL handle, a null value or a value that does not convert. */
HLFFI_API int hlffi_value_as_int(hlffi_value* value, int fallback);
HLFFI_API double hlffi_value_as_float(hlffi_value* value, double fallback);
HLFFI_API float hlffi_value_as_f32(hlffi_value* value, float fallback);
HLFFI_API bool hlffi_value_as_bool(hlffi_value* value, bool fallback);
/* Std.string of any value ("null" for null), malloc'ed UTF-8 the caller free()s; NULL for a NULL
 * handle or when the printing throws. */
HLFFI_API char* hlffi_value_as_string(hlffi_value* value);
/* True for a null value and for a NULL handle. */
HLFFI_API bool hlffi_value_is_null(hlffi_value* value);

/* ---- Static members ------------------------------------------------------------------------- */
/* class_name is the full dotted name ("game.Game"). Unknown names give TYPE_NOT_FOUND /
 * FIELD_NOT_FOUND / METHOD_NOT_FOUND (members removed by dead-code elimination: use @:keep or -dce no).
 * Static variables need the entry point to have run (else NOT_INITIALIZED). */

/* A new handle holding the variable's value (NULL on failure). */
HLFFI_API hlffi_value* hlffi_get_static_field(hlffi_vm* vm, const char* class_name, const char* field_name);
/* Converts value to the variable's type (INVALID_ARGUMENT when it cannot) and stores it. */
HLFFI_API hlffi_error_code hlffi_set_static_field(hlffi_vm* vm, const char* class_name, const char* field_name,
                                                  hlffi_value* value);
/* Calls a static method with argc arguments converted to its declared types (TYPE_MISMATCH for a wrong
 * count, INVALID_ARGUMENT for one that does not convert). Returns the result as a new handle (a handle
 * holding null for a void method), or NULL on failure; a Haxe exception gives
 * HLFFI_ERROR_EXCEPTION_THROWN with the message and stack recorded (hlffi_get_exception_*). */
HLFFI_API hlffi_value* hlffi_call_static(hlffi_vm* vm, const char* class_name, const char* method_name,
                                         int argc, hlffi_value** argv);

/* ---- Instance members ----------------------------------------------------------------------- */
/* Fields and methods resolve by name through the class chain (inherited members included); methods are
 * dispatched virtually (a subclass's override is called). Anonymous structures and dynamic objects work
 * by field name too. A NULL or freed handle gives NULL/false/the fallback (INVALID_ARGUMENT recorded
 * when its VM is known); a null object NULL_VALUE; unknown names FIELD_NOT_FOUND / METHOD_NOT_FOUND;
 * a Haxe exception EXCEPTION_THROWN with the message and stack recorded. */

/* Allocates an instance of class_name and runs its constructor with argc converted arguments
 * (TYPE_NOT_FOUND, METHOD_NOT_FOUND without a constructor, TYPE_MISMATCH for a wrong count). */
HLFFI_API hlffi_value* hlffi_new(hlffi_vm* vm, const char* class_name, int argc, hlffi_value** argv);
/* A new handle holding the field's value (its declared type for class instances; a method gives a
 * closure bound to the object). */
HLFFI_API hlffi_value* hlffi_get_field(hlffi_value* obj, const char* field_name);
/* Converts value to the field's type (INVALID_ARGUMENT when it cannot) and stores it. */
HLFFI_API bool hlffi_set_field(hlffi_value* obj, const char* field_name, hlffi_value* value);
/* The field converted by Haxe's rules; the fallback on failure or for null. */
HLFFI_API int hlffi_get_field_int(hlffi_value* obj, const char* field_name, int fallback);
HLFFI_API float hlffi_get_field_float(hlffi_value* obj, const char* field_name, float fallback);
HLFFI_API bool hlffi_get_field_bool(hlffi_value* obj, const char* field_name, bool fallback);
/* Std.string of the field, malloc'ed UTF-8 the caller free()s; NULL on failure or for null. */
HLFFI_API char* hlffi_get_field_string(hlffi_value* obj, const char* field_name);
HLFFI_API bool hlffi_set_field_int(hlffi_vm* vm, hlffi_value* obj, const char* field_name, int value);
HLFFI_API bool hlffi_set_field_float(hlffi_vm* vm, hlffi_value* obj, const char* field_name, float value);
HLFFI_API bool hlffi_set_field_bool(hlffi_vm* vm, hlffi_value* obj, const char* field_name, bool value);
HLFFI_API bool hlffi_set_field_string(hlffi_vm* vm, hlffi_value* obj, const char* field_name, const char* value);
/* Calls a method (or a field holding a function) with argc converted arguments; the result in its
 * declared type, a handle holding null for Void; NULL on failure (errors as hlffi_call_static). */
HLFFI_API hlffi_value* hlffi_call_method(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv);
/* The same returning success, or the result converted (the fallback on failure or null; NULL strings). */
HLFFI_API bool hlffi_call_method_void(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv);
HLFFI_API int hlffi_call_method_int(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv,
                                    int fallback);
HLFFI_API float hlffi_call_method_float(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv,
                                        float fallback);
HLFFI_API bool hlffi_call_method_bool(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv,
                                      bool fallback);
HLFFI_API char* hlffi_call_method_string(hlffi_value* obj, const char* method_name, int argc, hlffi_value** argv);
/* Whether obj is an instance of class_name (full dotted name) or of a subclass. Interfaces are not
 * checked yet. False for NULL, null and non-objects. */
HLFFI_API bool hlffi_is_instance_of(hlffi_value* obj, const char* class_name);

/* ---- Type reflection ------------------------------------------------------------------------ */
/* hlffi_type* values belong to their VM (valid until hlffi_destroy). Functions taking an hl_type*
 * (element, key and value types) accept the builtin descriptors (hlffi_type_builtin, or &hlt_i32 ...
 * through <hlffi_compat.h>) and class/enum types from hlffi_find_type passed through
 * hlffi_type_as_hl_type. */

HLFFI_API hlffi_type* hlffi_find_type(hlffi_vm* vm, const char* name);
HLFFI_API hlffi_type_kind hlffi_type_get_kind(hlffi_type* type);
HLFFI_API const char* hlffi_type_get_name(hlffi_type* type);
HLFFI_API hlffi_error_code hlffi_list_types(hlffi_vm* vm, hlffi_type_callback callback, void* userdata);
HLFFI_API hlffi_type* hlffi_class_get_super(hlffi_type* type);
HLFFI_API int hlffi_class_get_field_count(hlffi_type* type);
HLFFI_API const char* hlffi_class_get_field_name(hlffi_type* type, int index);
HLFFI_API hlffi_type* hlffi_class_get_field_type(hlffi_type* type, int index);
HLFFI_API int hlffi_class_get_method_count(hlffi_type* type);
HLFFI_API const char* hlffi_class_get_method_name(hlffi_type* type, int index);
/* The builtin type of a basic kind (VOID..DYN, ARRAY, TYPE, DYNOBJ, ABSTRACT): immutable objects
 * shared by every VM; NULL for the other kinds (those come from hlffi_find_type). */
HLFFI_API hl_type* hlffi_type_builtin(hlffi_type_kind kind);
/* A VM type as the hl_type* that element, key and value type parameters take (NULL stays NULL). */
HLFFI_API hl_type* hlffi_type_as_hl_type(hlffi_type* type);

/* ---- Arrays -------------------------------------------------------------------------------- */

HLFFI_API hlffi_value* hlffi_array_new(hlffi_vm* vm, hl_type* element_type, int length);
HLFFI_API int hlffi_array_length(hlffi_value* arr);
HLFFI_API hlffi_value* hlffi_array_get(hlffi_vm* vm, hlffi_value* arr, int index);
HLFFI_API bool hlffi_array_set(hlffi_vm* vm, hlffi_value* arr, int index, hlffi_value* value);
HLFFI_API bool hlffi_array_push(hlffi_vm* vm, hlffi_value* arr, hlffi_value* value);
HLFFI_API hlffi_value* hlffi_native_array_new(hlffi_vm* vm, hl_type* element_type, int length);
HLFFI_API void* hlffi_native_array_get_ptr(hlffi_value* arr);
HLFFI_API hlffi_value* hlffi_array_new_struct(hlffi_vm* vm, hlffi_type* struct_type, int length);
HLFFI_API void* hlffi_array_get_struct(hlffi_value* arr, int index);
HLFFI_API bool hlffi_array_set_struct(hlffi_vm* vm, hlffi_value* arr, int index, void* struct_ptr, int struct_size);
HLFFI_API hlffi_value* hlffi_native_array_new_struct(hlffi_vm* vm, hlffi_type* struct_type, int length);
HLFFI_API void* hlffi_native_array_get_struct_ptr(hlffi_value* arr);

/* ---- Maps ---------------------------------------------------------------------------------- */

HLFFI_API hlffi_value* hlffi_map_new(hlffi_vm* vm, hl_type* key_type, hl_type* value_type);
HLFFI_API bool hlffi_map_set(hlffi_vm* vm, hlffi_value* map, hlffi_value* key, hlffi_value* value);
HLFFI_API hlffi_value* hlffi_map_get(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
HLFFI_API bool hlffi_map_exists(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
HLFFI_API bool hlffi_map_remove(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
HLFFI_API hlffi_value* hlffi_map_keys(hlffi_vm* vm, hlffi_value* map);
HLFFI_API hlffi_value* hlffi_map_values(hlffi_vm* vm, hlffi_value* map);
HLFFI_API int hlffi_map_size(hlffi_value* map);
HLFFI_API bool hlffi_map_clear(hlffi_value* map);

/* ---- Bytes --------------------------------------------------------------------------------- */

HLFFI_API hlffi_value* hlffi_bytes_new(hlffi_vm* vm, int size);
HLFFI_API hlffi_value* hlffi_bytes_from_data(hlffi_vm* vm, const void* data, int size);
HLFFI_API hlffi_value* hlffi_bytes_from_string(hlffi_vm* vm, const char* str);
HLFFI_API void* hlffi_bytes_get_ptr(hlffi_value* bytes);
HLFFI_API int hlffi_bytes_get_length(hlffi_value* bytes);
HLFFI_API bool hlffi_bytes_blit(hlffi_value* dst, int dst_pos, hlffi_value* src, int src_pos, int len);
HLFFI_API int hlffi_bytes_compare(hlffi_value* a, int a_pos, hlffi_value* b, int b_pos, int len);
HLFFI_API char* hlffi_bytes_to_string(hlffi_value* bytes, int length);
HLFFI_API int hlffi_bytes_get(hlffi_value* bytes, int index);
HLFFI_API bool hlffi_bytes_set(hlffi_value* bytes, int index, int value);
HLFFI_API bool hlffi_bytes_fill(hlffi_value* bytes, int pos, int len, int value);

/* ---- Enums --------------------------------------------------------------------------------- */

HLFFI_API int hlffi_enum_get_construct_count(hlffi_vm* vm, const char* type_name);
HLFFI_API char* hlffi_enum_get_construct_name(hlffi_vm* vm, const char* type_name, int index);
HLFFI_API int hlffi_enum_get_index(hlffi_value* value);
HLFFI_API char* hlffi_enum_get_name(hlffi_value* value);
HLFFI_API int hlffi_enum_get_param_count(hlffi_value* value);
HLFFI_API hlffi_value* hlffi_enum_get_param(hlffi_value* value, int param_index);
HLFFI_API hlffi_value* hlffi_enum_alloc_simple(hlffi_vm* vm, const char* type_name, int index);
HLFFI_API hlffi_value* hlffi_enum_alloc(hlffi_vm* vm, const char* type_name, int index, int nparam,
                                        hlffi_value** params);
HLFFI_API bool hlffi_enum_is(hlffi_value* value, int index);
HLFFI_API bool hlffi_enum_is_named(hlffi_value* value, const char* name);

/* ---- Abstracts (hl.Abstract<"name">) ------------------------------------------------------- */

HLFFI_API bool hlffi_is_abstract(hlffi_type* type);
HLFFI_API char* hlffi_abstract_get_name(hlffi_type* type);
HLFFI_API hlffi_type* hlffi_abstract_find(hlffi_vm* vm, const char* name);
HLFFI_API bool hlffi_value_is_abstract(hlffi_value* value);
HLFFI_API char* hlffi_value_get_abstract_name(hlffi_value* value);

/* ---- Callbacks (Haxe calling C) ------------------------------------------------------------ */

HLFFI_API bool hlffi_register_callback(hlffi_vm* vm, const char* name, hlffi_native_func func, int nargs);
HLFFI_API bool hlffi_register_callback_typed(hlffi_vm* vm, const char* name, hlffi_native_func func, int nargs,
                                             const hlffi_arg_type* arg_types, hlffi_arg_type return_type);
HLFFI_API hlffi_value* hlffi_get_callback(hlffi_vm* vm, const char* name);
HLFFI_API bool hlffi_unregister_callback(hlffi_vm* vm, const char* name);

/* ---- Exceptions: try_ variants ------------------------------------------------------------- */

HLFFI_API hlffi_call_result hlffi_try_call_static(hlffi_vm* vm, const char* class_name, const char* method_name,
                                                  int argc, hlffi_value** argv, hlffi_value** out_result,
                                                  const char** out_error);
HLFFI_API hlffi_call_result hlffi_try_call_method(hlffi_value* obj, const char* method_name, int argc,
                                                  hlffi_value** argv, hlffi_value** out_result,
                                                  const char** out_error);

/* ---- Caching (the fast path) --------------------------------------------------------------- */

HLFFI_API hlffi_cached_call* hlffi_cache_static_method(hlffi_vm* vm, const char* class_name, const char* method_name);
HLFFI_API hlffi_value* hlffi_call_cached(hlffi_cached_call* cached, int argc, hlffi_value** args);
HLFFI_API void hlffi_cached_call_free(hlffi_cached_call* cached);
HLFFI_API hlffi_cached_call* hlffi_cache_instance_method(hlffi_vm* vm, const char* class_name,
                                                         const char* method_name);
HLFFI_API hlffi_value* hlffi_call_cached_method(hlffi_cached_call* cached, hlffi_value* instance, int argc,
                                                hlffi_value** args);

/* ---- Integration modes and event loop (a later milestone: NOT_IMPLEMENTED until it lands) ---- */

HLFFI_API hlffi_error_code hlffi_set_integration_mode(hlffi_vm* vm, hlffi_integration_mode mode);
HLFFI_API hlffi_integration_mode hlffi_get_integration_mode(hlffi_vm* vm);
HLFFI_API hlffi_error_code hlffi_update(hlffi_vm* vm, float delta_time);
HLFFI_API bool hlffi_has_pending_work(hlffi_vm* vm);
HLFFI_API hlffi_error_code hlffi_process_events(hlffi_vm* vm, hlffi_eventloop_type type);
HLFFI_API bool hlffi_has_pending_events(hlffi_vm* vm, hlffi_eventloop_type type);

/* ---- Threading (a later milestone: NOT_IMPLEMENTED until it lands) -------------------------- */

HLFFI_API hlffi_error_code hlffi_thread_start(hlffi_vm* vm);
HLFFI_API hlffi_error_code hlffi_thread_stop(hlffi_vm* vm);
HLFFI_API bool hlffi_thread_is_running(hlffi_vm* vm);
HLFFI_API hlffi_error_code hlffi_thread_call_sync(hlffi_vm* vm, hlffi_thread_func func, void* userdata);
HLFFI_API hlffi_error_code hlffi_thread_call_async(hlffi_vm* vm, hlffi_thread_func func,
                                                   hlffi_thread_async_callback callback, void* userdata);
HLFFI_API void hlffi_worker_register(void);
HLFFI_API void hlffi_worker_unregister(void);
HLFFI_API void hlffi_blocking_begin(void);
HLFFI_API void hlffi_blocking_end(void);

/* ---- Hot reload (a later milestone: NOT_IMPLEMENTED until it lands) ------------------------- */

HLFFI_API hlffi_error_code hlffi_enable_hot_reload(hlffi_vm* vm, bool enable);
HLFFI_API bool hlffi_is_hot_reload_enabled(hlffi_vm* vm);
HLFFI_API hlffi_error_code hlffi_reload_module(hlffi_vm* vm, const char* path);
HLFFI_API hlffi_error_code hlffi_reload_module_memory(hlffi_vm* vm, const void* data, size_t size);
HLFFI_API void hlffi_set_reload_callback(hlffi_vm* vm, hlffi_reload_callback callback, void* userdata);
HLFFI_API bool hlffi_check_reload(hlffi_vm* vm);

/* ---- Beyond hlffi v3 ------------------------------------------------------------------------ */

/* One value of any HashLink kind, for the typed paths (typed host natives, typed calls): which member
 * is meaningful follows the signature. */
typedef union hlffi_slot {
    int32_t i32;        /* Int, UI8, UI16 (zero-extended), Bool as 0/1 is in b */
    int64_t i64;
    float f32;
    double f64;
    bool b;
    void* ptr;          /* a raw VM pointer (objects, bytes), valid for the duration of a native call */
    hlffi_value* value; /* a handle (typed calls from C) */
} hlffi_slot;


/* Strict mode (before loading): a module referring to natives this VM does not provide fails to load
 * with HLFFI_ERROR_MODULE_LOAD_FAILED listing them. By default such a module loads and calling one of
 * those natives throws HashLink's "Primitive or library is missing". */
HLFFI_API hlffi_error_code hlffi_vm_set_strict(hlffi_vm* vm, bool strict);

/* Limits everything the VM allocates (module, runtime tables, Haxe heap) to `bytes` (0: no limit).
 * An allocation past it first triggers a collection; if that does not free enough, the Haxe code
 * gets a catchable exception ("Out of memory") where it allocated, and can go on once it drops
 * references. */
HLFFI_API hlffi_error_code hlffi_vm_set_memory_limit(hlffi_vm* vm, size_t bytes);

/* True when the program called Sys.exit (which returns to the host instead of ending the process);
 * *code receives the exit code. */
HLFFI_API bool hlffi_vm_get_exit_code(hlffi_vm* vm, int* code);

/* ---- Utilities ------------------------------------------------------------------------------ */

HLFFI_API const char* hlffi_get_version(void);
/* The HashLink version whose behaviour this VM matches. */
HLFFI_API const char* hlffi_get_hl_version(void);
/* Always false: bytecode is interpreted. */
HLFFI_API bool hlffi_is_jit_mode(void);

#ifdef __cplusplus
}
#endif

#endif /* HLFFI_H */
