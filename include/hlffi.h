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
/* Runs static initialisation and main(), once; returns after main(). NOT_INITIALIZED before a load,
 * ALREADY_INITIALIZED the second time, EXCEPTION_THROWN for an uncaught Haxe exception (recorded: see
 * hlffi_get_exception_message), INTERRUPTED; OK also when the program called Sys.exit
 * (hlffi_vm_get_exit_code). */
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

/* ---- Utilities ------------------------------------------------------------------------------ */

/* HLFFI_VERSION_STRING. */
HLFFI_API const char* hlffi_get_version(void);
/* The HashLink version whose behaviour this VM matches. */
HLFFI_API const char* hlffi_get_hl_version(void);
/* Always false: bytecode is interpreted. */
HLFFI_API bool hlffi_is_jit_mode(void);

/* ---- Exceptions ----------------------------------------------------------------------------- */

/* Std.string of the last recorded Haxe exception (UTF-8, owned by the VM; "" when none). Recorded by
 * any call that throws; stays until hlffi_clear_exception or the next exception. */
HLFFI_API const char* hlffi_get_exception_message(hlffi_vm* vm);
/* Its stack, one "Called from <function>(<file>:<line>)" line per frame, innermost first ("" without
 * debug info). */
HLFFI_API const char* hlffi_get_exception_stack(hlffi_vm* vm);
/* Whether an exception is recorded (false for NULL). */
HLFFI_API bool hlffi_has_exception(hlffi_vm* vm);
/* Forgets the recorded exception (a successful call does not). NULL is a no-op. */
HLFFI_API void hlffi_clear_exception(hlffi_vm* vm);

/* ---- Exceptions: try_ variants ------------------------------------------------------------- */
/* hlffi_call_static / hlffi_call_method telling the outcome apart: HLFFI_CALL_OK with *out_result the
 * result handle (the caller frees it; freed here when out_result is NULL); HLFFI_CALL_EXCEPTION when Haxe
 * threw, *out_error its message (hlffi_get_exception_message's text: VM-owned, valid until
 * hlffi_clear_exception or the next exception); HLFFI_CALL_ERROR for any other failure (unknown names,
 * wrong argc or arguments, no module, a NULL VM or object handle), *out_error the error text (valid
 * until the next failing call). On failure *out_result is NULL; on success *out_error is NULL. Either
 * out pointer may be NULL. */

/* The same as hlffi_call_static. */
HLFFI_API hlffi_call_result hlffi_try_call_static(hlffi_vm* vm, const char* class_name, const char* method_name,
                                                  int argc, hlffi_value** argv, hlffi_value** out_result,
                                                  const char** out_error);
/* The same as hlffi_call_method. */
HLFFI_API hlffi_call_result hlffi_try_call_method(hlffi_value* obj, const char* method_name, int argc,
                                                  hlffi_value** argv, hlffi_value** out_result,
                                                  const char** out_error);

/* ---- Values -------------------------------------------------------------------------------- */
/* Every hlffi_value* is a rooted handle owned by the caller: valid, and keeping its Haxe value alive,
 * until hlffi_value_free (or hlffi_destroy), whatever collections run. Making one needs a loaded
 * module (else NULL with HLFFI_ERROR_NOT_INITIALIZED). */

/* New handles holding a Haxe Int, Float, Single or Bool; NULL for a NULL VM, NOT_INITIALIZED, OUT_OF_MEMORY. */
HLFFI_API hlffi_value* hlffi_value_int(hlffi_vm* vm, int value);
HLFFI_API hlffi_value* hlffi_value_float(hlffi_vm* vm, double value);
HLFFI_API hlffi_value* hlffi_value_f32(hlffi_vm* vm, float value);
HLFFI_API hlffi_value* hlffi_value_bool(hlffi_vm* vm, bool value);
/* UTF-8 in (invalid sequences become U+FFFD); a real Haxe String. NULL str gives a null String. */
HLFFI_API hlffi_value* hlffi_value_string(hlffi_vm* vm, const char* str);
/* A new handle holding null (Dynamic). */
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
 * by field name too. A NULL or freed handle gives NULL/false/the fallback (a freed one records
 * INVALID_ARGUMENT on its VM); a null object NULL_VALUE; unknown names FIELD_NOT_FOUND / METHOD_NOT_FOUND;
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
/* Whether obj is an instance of class_name (full dotted name): the class or a subclass, or an interface
 * the class implements (directly, through a superclass or through a super-interface; interfaces are
 * known once the entry point has run). A value typed by an interface (a virtual) is checked by the
 * object underneath. False for NULL, null and non-objects; an unknown name gives false with
 * TYPE_NOT_FOUND. */
HLFFI_API bool hlffi_is_instance_of(hlffi_value* obj, const char* class_name);

/* ---- Type reflection ------------------------------------------------------------------------ */
/* hlffi_type* values belong to their VM (valid until hlffi_destroy). Functions taking an hl_type*
 * (element, key and value types) accept the builtin descriptors (hlffi_type_builtin, or &hlt_i32 ...
 * through <hlffi_compat.h>) and class/enum types from hlffi_find_type passed through
 * hlffi_type_as_hl_type. */

/* A type by its full dotted name, exact match (a hash look-up): classes ("pkg.Cls"), enums, abstracts
 * (hl.Abstract<"name"> by "name"; a class of the same name wins, see hlffi_abstract_find), and the basic
 * names Void, Int, UInt, Float, Single, Bool, Dynamic, Any, hl.UI8, hl.UI16, hl.I64, hl.F32, hl.F64,
 * hl.Bytes, hl.Type, hl.NativeArray. One type per basic kind: find_type("Int"), an Int field's type
 * and an Int value's type are the same pointer. NULL with TYPE_NOT_FOUND (DCE hint), NOT_INITIALIZED
 * before a load, INVALID_ARGUMENT for a NULL name. */
HLFFI_API hlffi_type* hlffi_find_type(hlffi_vm* vm, const char* name);
/* HLFFI_TYPE_VOID for NULL or a pointer that is not a type. */
HLFFI_API hlffi_type_kind hlffi_type_get_kind(hlffi_type* type);
/* The name hlffi_find_type finds it by; for unnamed types (functions, anonymous structures, Null<T>)
 * HashLink's type text. Owned by the VM, valid until hlffi_destroy; NULL for NULL. */
HLFFI_API const char* hlffi_type_get_name(hlffi_type* type);
/* Calls callback once for every type hlffi_find_type can return: the module's classes, enums and
 * abstracts in type-table order, then the basic kinds. NULL_VM, NOT_INITIALIZED, INVALID_ARGUMENT. */
HLFFI_API hlffi_error_code hlffi_list_types(hlffi_vm* vm, hlffi_type_callback callback, void* userdata);
/* Class members as hlffi v3 lists them: the class's OWN members; walk hlffi_class_get_super for the
 * inherited ones. Fields: instance variables declared in the class (for an anonymous structure type,
 * its fields). Methods: instance methods declared or overridden in the class, then its static methods
 * (hlffi_class_method_is_static tells them apart); constructors and static variables are not listed.
 * NULL / -1 with INVALID_TYPE for a type that is not a class, INVALID_ARGUMENT for an index out of
 * range; names are owned by the VM (valid until hlffi_destroy). get_super gives NULL for a root class. */
HLFFI_API hlffi_type* hlffi_class_get_super(hlffi_type* type);
HLFFI_API int hlffi_class_get_field_count(hlffi_type* type);
HLFFI_API const char* hlffi_class_get_field_name(hlffi_type* type, int index);
HLFFI_API hlffi_type* hlffi_class_get_field_type(hlffi_type* type, int index);
HLFFI_API int hlffi_class_get_method_count(hlffi_type* type);
HLFFI_API const char* hlffi_class_get_method_name(hlffi_type* type, int index);
/* Whether method `index` of hlffi_class_get_method_name is a static method (false on error). */
HLFFI_API bool hlffi_class_method_is_static(hlffi_type* type, int index);
/* The builtin type of a basic kind (VOID..DYN, ARRAY, TYPE, DYNOBJ, ABSTRACT): immutable objects
 * shared by every VM; NULL for the other kinds (those come from hlffi_find_type). */
HLFFI_API hl_type* hlffi_type_builtin(hlffi_type_kind kind);
/* A VM type as the hl_type* that element, key and value type parameters take (NULL stays NULL). */
HLFFI_API hl_type* hlffi_type_as_hl_type(hlffi_type* type);

/* ---- Arrays -------------------------------------------------------------------------------- */
/* Arrays made here are the classes Haxe compiles Array<T> to (Int/Float/Single/hl.UI16: ArrayBytes_*,
 * Dynamic: ArrayDyn, others: ArrayObj), built without calling Haxe code; the module must contain the
 * class (else TYPE_NOT_FOUND naming it). Reads accept any Haxe array and hl.NativeArray. Values are
 * converted by Haxe's rules (INVALID_ARGUMENT when they do not convert). Handles given with a VM must
 * be that VM's (else INVALID_ARGUMENT); a null array gives NULL_VALUE, another value INVALID_TYPE. */

/* A new Haxe Array<element_type> of `length` zero/null elements. NULL: INVALID_ARGUMENT (bad type pointer
 * or length), INVALID_TYPE (Void), TYPE_NOT_FOUND, NOT_INITIALIZED, OUT_OF_MEMORY. */
HLFFI_API hlffi_value* hlffi_array_new(hlffi_vm* vm, hl_type* element_type, int length);
/* The element count; -1 on failure. */
HLFFI_API int hlffi_array_length(hlffi_value* arr);
/* A new handle holding element index (its element type); NULL with INVALID_ARGUMENT outside 0..length-1. */
HLFFI_API hlffi_value* hlffi_array_get(hlffi_vm* vm, hlffi_value* arr, int index);
/* Stores value converted to the element type; past the end a Haxe array grows as `a[i] = v` does (an
 * hl.NativeArray does not: INVALID_ARGUMENT). False on failure. */
HLFFI_API bool hlffi_array_set(hlffi_vm* vm, hlffi_value* arr, int index, hlffi_value* value);
/* Appends value (amortised O(1)); false on failure, INVALID_TYPE for an hl.NativeArray. */
HLFFI_API bool hlffi_array_push(hlffi_vm* vm, hlffi_value* arr, hlffi_value* value);
/* A new hl.NativeArray<element_type> of `length` zeroed elements; NULL on failure as hlffi_array_new. */
HLFFI_API hlffi_value* hlffi_native_array_new(hlffi_vm* vm, hl_type* element_type, int length);
/* The elements' memory, zero-copy: of an hl.NativeArray, or of an Array<Int/Float/Single/hl.UI16> (valid
 * until the array grows). NULL: INVALID_TYPE for arrays of objects or boxes, NULL_VALUE while an
 * ArrayBytes has no storage (empty). */
HLFFI_API void* hlffi_native_array_get_ptr(hlffi_value* arr);
/* A new Array<S> of a @:struct class (struct_type from hlffi_find_type) whose `length` zeroed structs
 * lie in one contiguous block. NULL: INVALID_TYPE (not a @:struct class), INVALID_ARGUMENT. */
HLFFI_API hlffi_value* hlffi_array_new_struct(hlffi_vm* vm, hlffi_type* struct_type, int length);
/* The address of element index's struct (shared with Haxe, valid while the array holds it). NULL:
 * INVALID_ARGUMENT (index), NULL_VALUE (a null element), INVALID_TYPE (not a struct). */
HLFFI_API void* hlffi_array_get_struct(hlffi_value* arr, int index);
/* Copies struct_size bytes (the struct's layout size, else TYPE_MISMATCH) from struct_ptr into element
 * index's struct, in place. False on failure (as get_struct; INVALID_ARGUMENT for NULL struct_ptr). */
HLFFI_API bool hlffi_array_set_struct(hlffi_vm* vm, hlffi_value* arr, int index, void* struct_ptr, int struct_size);
/* The same as hlffi_array_new_struct making an hl.NativeArray<S>. */
HLFFI_API hlffi_value* hlffi_native_array_new_struct(hlffi_vm* vm, hlffi_type* struct_type, int length);
/* The contiguous block of a struct array (element i at base + i * layout size), checked on each call;
 * NULL with INVALID_ARGUMENT when it is empty or Haxe code replaced an element. */
HLFFI_API void* hlffi_native_array_get_struct_ptr(hlffi_value* arr);

/* ---- Maps ---------------------------------------------------------------------------------- */
/* The classes Haxe compiles Map<K,V> to: haxe.ds.StringMap, IntMap, ObjectMap (object keys, by
 * identity) and EnumValueMap (enum keys, by value); values are stored as Dynamic. Keys convert to the
 * map's key type (INVALID_ARGUMENT when they do not; NULL_VALUE for a null String or enum key). A value
 * that is not one of these maps gives INVALID_TYPE, null NULL_VALUE; handles given with a VM must be
 * that VM's (INVALID_ARGUMENT). */

/* A new empty map for key_type: String (or the builtin BYTES) -> StringMap, Int/UI8/UI16 -> IntMap, a
 * class, anonymous, function type or Dynamic -> ObjectMap, an enum -> EnumValueMap; value_type NULL is
 * Dynamic. NULL: INVALID_TYPE (other key kinds), TYPE_NOT_FOUND (class not in the module), INVALID_ARGUMENT. */
HLFFI_API hlffi_value* hlffi_map_new(hlffi_vm* vm, hl_type* key_type, hl_type* value_type);
/* Inserts or replaces key -> value; false on failure. */
HLFFI_API bool hlffi_map_set(hlffi_vm* vm, hlffi_value* map, hlffi_value* key, hlffi_value* value);
/* A new Dynamic handle holding the value, a handle holding null for a missing key (as Haxe's get);
 * NULL on failure. */
HLFFI_API hlffi_value* hlffi_map_get(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
/* Whether key is present; false also on failure. */
HLFFI_API bool hlffi_map_exists(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
/* Removes key; true when it was present, false when absent or on failure. */
HLFFI_API bool hlffi_map_remove(hlffi_vm* vm, hlffi_value* map, hlffi_value* key);
/* A new Haxe array of the keys (Array<String> / Array<Int> for StringMap / IntMap, else of Dynamic) or
 * of the values, in the map's iteration order (the same for both); NULL on failure. */
HLFFI_API hlffi_value* hlffi_map_keys(hlffi_vm* vm, hlffi_value* map);
HLFFI_API hlffi_value* hlffi_map_values(hlffi_vm* vm, hlffi_value* map);
/* The number of entries; -1 on failure. */
HLFFI_API int hlffi_map_size(hlffi_value* map);
/* Removes every entry; false on failure. */
HLFFI_API bool hlffi_map_clear(hlffi_value* map);

/* ---- Bytes --------------------------------------------------------------------------------- */
/* haxe.io.Bytes values (the module must contain the class: else TYPE_NOT_FOUND). The functions also take
 * raw hl.Bytes, bounded by the end of their GC block (raw bytes outside the heap: INVALID_ARGUMENT).
 * Every position and length is checked: a range outside the bytes gives INVALID_ARGUMENT; a null value
 * NULL_VALUE, another value INVALID_TYPE, a freed handle INVALID_ARGUMENT. */

/* A new zeroed haxe.io.Bytes of size bytes (NULL: INVALID_ARGUMENT for size < 0, NOT_INITIALIZED,
 * OUT_OF_MEMORY). The buffer has a zero byte past its end. */
HLFFI_API hlffi_value* hlffi_bytes_new(hlffi_vm* vm, int size);
/* The same holding a copy of data[0..size) (data may be NULL only with size 0). */
HLFFI_API hlffi_value* hlffi_bytes_from_data(hlffi_vm* vm, const void* data, int size);
/* The same holding the bytes of the NUL-terminated str, without the NUL (NULL str: INVALID_ARGUMENT). */
HLFFI_API hlffi_value* hlffi_bytes_from_string(hlffi_vm* vm, const char* str);
/* The buffer, zero-copy and stable while the value is alive (the GC never moves it); NULL on failure. */
HLFFI_API void* hlffi_bytes_get_ptr(hlffi_value* bytes);
/* The length; -1 on failure (INVALID_TYPE for raw hl.Bytes, which carry none). */
HLFFI_API int hlffi_bytes_get_length(hlffi_value* bytes);
/* Copies len bytes from src+src_pos to dst+dst_pos (overlap allowed); false on failure (recorded on
 * dst's VM; src must be of the same VM). */
HLFFI_API bool hlffi_bytes_blit(hlffi_value* dst, int dst_pos, hlffi_value* src, int src_pos, int len);
/* -1, 0 or 1 as memcmp orders the two ranges; INT_MIN on failure. */
HLFFI_API int hlffi_bytes_compare(hlffi_value* a, int a_pos, hlffi_value* b, int b_pos, int len);
/* The first `length` bytes as they are plus a NUL, malloc'ed (the caller free()s); NULL on failure. */
HLFFI_API char* hlffi_bytes_to_string(hlffi_value* bytes, int length);
/* The byte at index (0..255); -1 on failure. */
HLFFI_API int hlffi_bytes_get(hlffi_value* bytes, int index);
/* Stores value (0..255, else INVALID_ARGUMENT) at index; false on failure. */
HLFFI_API bool hlffi_bytes_set(hlffi_value* bytes, int index, int value);
/* Sets bytes[pos..pos+len) to value (0..255); false on failure. */
HLFFI_API bool hlffi_bytes_fill(hlffi_value* bytes, int pos, int len, int value);

/* ---- Enums --------------------------------------------------------------------------------- */
/* type_name is the enum's full dotted name; indexes are constructor indexes (declaration order). Unknown
 * names give TYPE_NOT_FOUND, a name that is not an enum INVALID_TYPE, a bad index INVALID_ARGUMENT; a
 * value that is not an enum (declared as the enum, Null<E> or Dynamic) INVALID_TYPE, null NULL_VALUE.
 * char* results are malloc'ed (free()). A parameterless constructor made from C is the very value Haxe
 * uses (Haxe's == sees them equal); it needs the entry point to have run (else NOT_INITIALIZED).
 * hlffi_enum_alloc converts params to the constructor's parameter types by Haxe's rules (INVALID_ARGUMENT
 * when one does not convert); a wrong nparam gives TYPE_MISMATCH, as does alloc_simple of a constructor
 * that takes parameters. hlffi_enum_get_param returns the parameter in its declared type. */

/* The number of constructors (-1 on failure) and the name of one (malloc'ed; NULL on failure). */
HLFFI_API int hlffi_enum_get_construct_count(hlffi_vm* vm, const char* type_name);
HLFFI_API char* hlffi_enum_get_construct_name(hlffi_vm* vm, const char* type_name, int index);
/* A value's constructor index (-1 on failure) and name (malloc'ed; NULL on failure). */
HLFFI_API int hlffi_enum_get_index(hlffi_value* value);
HLFFI_API char* hlffi_enum_get_name(hlffi_value* value);
/* How many parameters the value's constructor has (-1 on failure), and a new handle holding one of them
 * (NULL on failure; INVALID_ARGUMENT for an index out of range). */
HLFFI_API int hlffi_enum_get_param_count(hlffi_value* value);
HLFFI_API hlffi_value* hlffi_enum_get_param(hlffi_value* value, int param_index);
/* A new handle holding the shared value of a parameterless constructor; NULL on failure. */
HLFFI_API hlffi_value* hlffi_enum_alloc_simple(hlffi_vm* vm, const char* type_name, int index);
/* A new handle holding a new value of constructor index with nparam converted parameters (nparam 0: the
 * shared value); NULL on failure. */
HLFFI_API hlffi_value* hlffi_enum_alloc(hlffi_vm* vm, const char* type_name, int index, int nparam,
                                        hlffi_value** params);
/* Whether the value is that constructor (by index, or by name); false also on failure. */
HLFFI_API bool hlffi_enum_is(hlffi_value* value, int index);
HLFFI_API bool hlffi_enum_is_named(hlffi_value* value, const char* name);

/* ---- Abstracts (hl.Abstract<"name">) ------------------------------------------------------- */
/* Names are the text between the quotes. hlffi_abstract_find looks in the module's abstracts only
 * (TYPE_NOT_FOUND when the module has none of that name). A value is abstract when it holds a non-null
 * abstract, declared as one or inside a Dynamic; a host value (hlffi_value_host) reports its own name. */

/* Whether a type is an abstract (false for NULL or another kind). */
HLFFI_API bool hlffi_is_abstract(hlffi_type* type);
/* An abstract type's name, malloc'ed; NULL on failure (INVALID_TYPE for another kind). */
HLFFI_API char* hlffi_abstract_get_name(hlffi_type* type);
/* The module's abstract of that name (VM-owned); NULL on failure. */
HLFFI_API hlffi_type* hlffi_abstract_find(hlffi_vm* vm, const char* name);
/* Whether a handle holds a non-null abstract value (false for NULL, freed or null handles). */
HLFFI_API bool hlffi_value_is_abstract(hlffi_value* value);
/* The abstract value's name, malloc'ed; NULL on failure (INVALID_TYPE for another value). */
HLFFI_API char* hlffi_value_get_abstract_name(hlffi_value* value);

/* ---- Callbacks (Haxe calling C) ------------------------------------------------------------ */
/* A C function registered by name (per VM, before or after loading) becomes a Haxe function value:
 * store it in a Dynamic or function-typed static with hlffi_set_static_field and Haxe calls it. func
 * receives argument handles valid during the call (freed by the VM afterwards) and returns a handle the
 * VM takes over (NULL: null); see "Callbacks, natives and function values" below for nesting and
 * hlffi_throw. */

/* nargs (0..255) Dynamic arguments, Dynamic result. False with INVALID_ARGUMENT for a NULL/empty name,
 * NULL func, nargs out of range or a name already registered. */
HLFFI_API bool hlffi_register_callback(hlffi_vm* vm, const char* name, hlffi_native_func func, int nargs);
/* The same with declared types (INT, FLOAT, BOOL, STRING, DYNAMIC; VOID also for the result): Haxe converts
 * the arguments before the call, and the returned handle is converted to return_type. */
HLFFI_API bool hlffi_register_callback_typed(hlffi_vm* vm, const char* name, hlffi_native_func func, int nargs,
                                             const hlffi_arg_type* arg_types, hlffi_arg_type return_type);
/* A new handle holding the callback's function value (the same value each time). NULL: NOT_INITIALIZED
 * before a load, INVALID_ARGUMENT for an unknown name. */
HLFFI_API hlffi_value* hlffi_get_callback(hlffi_vm* vm, const char* name);
/* Forgets it: Haxe values still holding it throw "The callback <name> was unregistered" when called;
 * other callbacks are unaffected. False (INVALID_ARGUMENT) for an unknown name. */
HLFFI_API bool hlffi_unregister_callback(hlffi_vm* vm, const char* name);

/* ---- Caching (the fast path) --------------------------------------------------------------- */
/* A cached call resolves a method once by name (errors as hlffi_call_static / hlffi_call_method, with
 * NULL returned) and is then called with no look-up: argc is checked (TYPE_MISMATCH), arguments convert
 * to the declared types as in hlffi_call_static, and the only allocation is the result handle (a handle
 * holding null for Void; NULL on failure, exceptions recorded as for any call). An instance cache is
 * called on any instance of the class or of a subclass and dispatches virtually (a subclass's override
 * is called); another object gives TYPE_MISMATCH, null NULL_VALUE. Caches belong to their VM:
 * hlffi_destroy frees those still alive, after which using one is an error the library cannot detect
 * (like using a freed pointer). Freeing one twice, or calling one after hlffi_cached_call_free (until
 * the VM reuses the record for a new cache), is detected: INVALID_ARGUMENT. hlffi_cached_call_free(NULL)
 * is a no-op. Calling a static cache with the instance functions (or the reverse) gives
 * INVALID_ARGUMENT. */

/* A static method resolved once (VM-owned record; NULL on failure). */
HLFFI_API hlffi_cached_call* hlffi_cache_static_method(hlffi_vm* vm, const char* class_name, const char* method_name);
/* Calls a static cache: a new result handle, or NULL on failure. */
HLFFI_API hlffi_value* hlffi_call_cached(hlffi_cached_call* cached, int argc, hlffi_value** args);
/* Releases a cache (NULL, or one freed already: no-op). */
HLFFI_API void hlffi_cached_call_free(hlffi_cached_call* cached);
/* An instance method of a class (own or inherited) resolved once; NULL on failure (TYPE_NOT_FOUND for an
 * interface). */
HLFFI_API hlffi_cached_call* hlffi_cache_instance_method(hlffi_vm* vm, const char* class_name,
                                                         const char* method_name);
/* Calls an instance cache on instance (argc and args without it): a new result handle, or NULL. */
HLFFI_API hlffi_value* hlffi_call_cached_method(hlffi_cached_call* cached, hlffi_value* instance, int argc,
                                                hlffi_value** args);

/* ---- Beyond hlffi v3 ------------------------------------------------------------------------ */

/* One value of any HashLink kind, for the typed paths (typed host natives, typed calls): which member
 * is meaningful follows the signature. */
typedef union hlffi_slot {
    int32_t i32;        /* Int, UI8, UI16 (zero-extended), Bool as 0/1 is in b */
    int64_t i64;
    float f32;
    double f64;
    bool b;
    void* ptr;          /* a raw VM pointer: hl.Bytes of host natives ('B'), valid for the call */
    hlffi_value* value; /* a handle: String, Dynamic and other references of host natives ('S' 'D' 'O'),
                           typed calls from C */
} hlffi_slot;

/* ---- Typed calls ---------------------------------------------------------------------------- */
/* A cached call (hlffi_cache_static_method / hlffi_cache_instance_method) called with slots: args[i]
 * holds argument i by its declared type: Int, hl.UI8, hl.UI16 in i32; hl.I64 in i64; Single in f32;
 * Float in f64; Bool in b; any other type (String, objects, Dynamic, Null<T> ...) as a handle in value
 * (converted as hlffi_call_static converts; a NULL handle passes null). *ret receives the result the
 * same way: numbers and Bool unboxed, with no handle and no allocation; other types as a new handle in
 * ret->value that the caller frees; Void leaves it zeroed. ret may be NULL. Returns HLFFI_OK or the error
 * (also recorded, as for hlffi_call_cached: TYPE_MISMATCH for argc, INVALID_ARGUMENT, EXCEPTION_THROWN
 * ...). hlffi_call_typed takes a static cache, hlffi_call_typed_method an instance cache and the object
 * (argc and args without it). The fastest way from C into Haxe. */
HLFFI_API hlffi_error_code hlffi_call_typed(hlffi_cached_call* cached, const hlffi_slot* args, int argc,
                                           hlffi_slot* ret);
HLFFI_API hlffi_error_code hlffi_call_typed_method(hlffi_cached_call* cached, hlffi_value* instance,
                                                  const hlffi_slot* args, int argc, hlffi_slot* ret);
/* The argument count a cached call takes (without the object of an instance method); -1 for NULL or a
 * freed cache. */
HLFFI_API int hlffi_cached_call_get_argc(hlffi_cached_call* cached);
/* The declared kind of argument index (0-based, the object not counted), or of the result for -1: which
 * slot member a typed call uses. HLFFI_TYPE_VOID for a bad index or cache. */
HLFFI_API hlffi_type_kind hlffi_cached_call_get_kind(hlffi_cached_call* cached, int index);

/* ---- Callbacks, natives and function values -------------------------------------------------- */
/* C functions that Haxe calls. Inside any of them the host may call back into the VM (nesting is
 * bounded: past 200 C entries the call throws "Stack overflow" in Haxe) and may make the Haxe call that
 * invoked it throw (hlffi_throw). Argument handles it receives are valid during the call and freed by
 * the VM afterwards (do not free them); a handle it returns is taken over by the VM (returning one of
 * its arguments is fine). */

/* A C function behind a function value: argc is the value's arity; returns the result (NULL: null). */
typedef hlffi_value* (*hlffi_function_func)(hlffi_vm* vm, void* userdata, int argc, hlffi_value** argv);
/* A new Haxe function value (a closure of nargs Dynamic arguments, 0..255, returning Dynamic) calling fn
 * with userdata. Store it in a Dynamic or function-typed field, pass it as an argument: Haxe calls it like
 * any function (a function type with other argument types gets a converting wrapper). It lives as long as
 * Haxe or a handle refers to it; userdata stays the host's. Needs a loaded module (NOT_INITIALIZED);
 * INVALID_ARGUMENT for a NULL fn or nargs out of range. */
HLFFI_API hlffi_value* hlffi_function_new(hlffi_vm* vm, hlffi_function_func fn, int nargs, void* userdata);
/* Calls the function value fn holds (a closure, a bound method from hlffi_get_field, a static function,
 * a callback or a value from hlffi_function_new; also when held as Dynamic) with argc arguments
 * converted to its declared types. Errors as hlffi_call_static: TYPE_MISMATCH for a wrong argc,
 * INVALID_ARGUMENT for an argument that does not convert or a value that is not a function, NULL_VALUE
 * for null, EXCEPTION_THROWN (recorded) when it throws. Returns a new handle (null for Void) or NULL. */
HLFFI_API hlffi_value* hlffi_function_call(hlffi_value* fn, int argc, hlffi_value** argv);
/* Inside a callback, function value or host native: when it returns, the Haxe call that invoked it throws
 * value (copied: the caller still frees its handle), which Haxe code can catch; the result is then
 * ignored. The last call wins. Outside one: INVALID_ARGUMENT, nothing thrown. */
HLFFI_API void hlffi_throw(hlffi_vm* vm, hlffi_value* value);
/* The same throwing a Haxe String made from UTF-8 text (`catch (e:String)` catches it). */
HLFFI_API void hlffi_throw_string(hlffi_vm* vm, const char* message);

/* A typed host native: args holds one slot per argument, *ret (zeroed) receives the result. */
typedef void (*hlffi_native_typed_func)(hlffi_vm* vm, void* userdata, const hlffi_slot* args, hlffi_slot* ret);
/* Before loading: binds the module's `@:hlNative("lib", "name")` functions to fn, for this VM only.
 * signature: one letter per argument, '_', one for the result, e.g. "id_i" for (Int, Float) -> Int:
 *   i Int, c hl.UI8, s hl.UI16 (in slot.i32)   l hl.I64 (i64)   f Single (f32)   d Float (f64)
 *   b Bool (b)   B hl.Bytes (ptr)   S String, D Dynamic, O any other reference type (value: a handle)
 *   v Void (result only).
 * The load checks it against the module's declaration (mismatch: MODULE_LOAD_FAILED naming both); a
 * registered native takes precedence over the VM's own of the same lib and name. Errors: INVALID_ARGUMENT
 * (NULL or empty names, NULL fn, malformed signature, lib/name registered twice), ALREADY_INITIALIZED
 * after the load. Natives nobody registered behave as without a host (see hlffi_vm_set_strict). */
HLFFI_API hlffi_error_code hlffi_register_native(hlffi_vm* vm, const char* lib, const char* name,
                                                 hlffi_native_typed_func fn, const char* signature, void* userdata);


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

/* ---- Limits and host control ---------------------------------------------------------------- */

/* Execution budgets for each call from the host into Haxe (the entry point, or any API function that
 * runs Haxe code; calls made from inside a callback count toward the call around them). 0 = unlimited
 * (the default). A spent budget aborts the call with HLFFI_ERROR_INTERRUPTED, an error text saying
 * where it stopped (function, file:line); Haxe code cannot catch it, the VM stays usable and keeps
 * whatever the aborted code had written. Instructions are counted conservatively at the poll points
 * (a call charges its function's length in ops, a backward jump its loop's length), so a call never
 * runs more than `instructions` ops; the time budget is checked at least every 16,384 ops (not while a
 * native such as Sys.sleep blocks). They take effect from the next call. */
HLFFI_API hlffi_error_code hlffi_vm_set_instruction_budget(hlffi_vm* vm, uint64_t instructions);
HLFFI_API hlffi_error_code hlffi_vm_set_time_budget(hlffi_vm* vm, uint32_t milliseconds);
/* Stops the running call at a poll point (backward jumps and calls: every loop and recursion) within
 * 16,384 ops, as a spent budget does; Sys.sleep wakes up for it. Safe from any thread and from a signal
 * handler while the VM exists (not concurrently with hlffi_load_* or hlffi_destroy). When no Haxe code
 * runs, the request stays pending and stops the next call. NULL is a no-op. */
HLFFI_API void hlffi_vm_interrupt(hlffi_vm* vm);

/* Families of the VM's natives a host can deny (before loading). A denied native behaves as a missing
 * one: calling it throws a Haxe exception "std@<name> is denied by the host", and strict mode refuses
 * the module. Natives the host registers itself are never affected. */
typedef enum {
    HLFFI_NATIVES_FILES = 1,        /* opening files, the filesystem (stat, directories, delete, rename) */
    HLFFI_NATIVES_PROCESSES = 2,    /* sys.io.Process, Sys.command */
    HLFFI_NATIVES_SOCKETS = 4,      /* sys.net sockets and host names */
    HLFFI_NATIVES_ENVIRONMENT = 8,  /* environment variables, the working directory, the time locale */
    HLFFI_NATIVES_ALL_SYSTEM = 15
} hlffi_natives_family;
/* Adds (deny) or removes (allow) families from the VM's denied set; everything is allowed by default.
 * Errors: INVALID_ARGUMENT for unknown bits, ALREADY_INITIALIZED once a module is loaded. */
HLFFI_API hlffi_error_code hlffi_vm_deny_natives(hlffi_vm* vm, unsigned families);
HLFFI_API hlffi_error_code hlffi_vm_allow_natives(hlffi_vm* vm, unsigned families);

/* Receives everything Haxe code prints (Sys.print/println, trace, Sys.stdout()/stderr() writes and
 * the output of Sys.command): UTF-8 bytes, `length` of them (not NUL-terminated; a character is never
 * split), is_stderr for the error stream. Runs inside the Haxe call that printed. NULL restores the
 * default (the process's stdout/stderr). */
typedef void (*hlffi_print_func)(hlffi_vm* vm, void* userdata, const char* utf8, size_t length, bool is_stderr);
HLFFI_API void hlffi_vm_set_print_hook(hlffi_vm* vm, hlffi_print_func fn, void* userdata);
/* Told of Sys.exit(code): the process never ends; the call unwinds to the host (uncatchably), then the
 * hook runs, then the API function returns (hlffi_vm_get_exit_code has the code). NULL removes it. */
typedef void (*hlffi_exit_func)(hlffi_vm* vm, void* userdata, int code);
HLFFI_API void hlffi_vm_set_exit_hook(hlffi_vm* vm, hlffi_exit_func fn, void* userdata);
/* The current Haxe call stack, innermost first, one "Called from <function>(<file>:<line>)" line per
 * frame as in hlffi_get_exception_stack, for a callback, hook or native running inside Haxe code:
 * malloc'ed, the caller free()s. "" when no Haxe code is running or the module has no debug info;
 * NULL for a NULL VM or when memory is exhausted. Call it from the thread running the VM. */
HLFFI_API char* hlffi_vm_get_call_stack(hlffi_vm* vm);

/* What the VM's memory and collector hold, for monitoring. */
typedef struct hlffi_stats {
    size_t heap_bytes;              /* bytes the Haxe heap holds: pages in use or kept for reuse, large blocks */
    size_t heap_peak_bytes;         /* the most heap_bytes has been */
    size_t total_allocated_bytes;   /* bytes of Haxe objects allocated since the load */
    uint64_t collections;
    double gc_pause_total_ms;       /* time spent collecting */
    double gc_pause_max_ms;         /* the longest collection */
    size_t live_handles;            /* hlffi_value handles not yet freed */
    size_t vm_bytes;                /* everything the VM allocated (module, tables, heap pages, stacks) */
} hlffi_stats;
/* Fills *out (zeros before a load); NULL_VM / INVALID_ARGUMENT for NULL arguments. */
HLFFI_API hlffi_error_code hlffi_vm_get_stats(hlffi_vm* vm, hlffi_stats* out);

/* ---- Value kinds and host objects ---------------------------------------------------------- */

/* The kind of the value a handle holds at run time: what a Dynamic holds (HLFFI_TYPE_I32 for a boxed
 * Int, OBJ for an object ...), HLFFI_TYPE_NULL for a null value, HLFFI_TYPE_VOID for a NULL or freed
 * handle. */
HLFFI_API hlffi_type_kind hlffi_value_get_kind(hlffi_value* v);
/* The runtime type of the value: an object's own class (a Derived held as Base or Dynamic gives
 * Derived), a boxed number's basic type, an enum value's enum; a null value gives the type the handle
 * declares. NULL for a NULL or freed handle. Owned by the VM. */
HLFFI_API hlffi_type* hlffi_value_get_type(hlffi_value* v);
/* Wraps host pointer ptr (not NULL) as a Haxe value of type hl.Abstract<"abstract_name"> (the module's
 * type of that name when it has one, so Haxe functions taking it accept the value; Haxe code can always
 * hold it as Dynamic). finalizer (may be NULL) runs exactly once, with ptr and userdata, when the GC frees
 * the value (no handle and no Haxe reference left, then a collection) or at hlffi_destroy. It runs in
 * the middle of a collection: it must not call into that VM. On failure (NULL) it is not called. */
HLFFI_API hlffi_value* hlffi_value_host(hlffi_vm* vm, const char* abstract_name, void* ptr,
                                        void (*finalizer)(void* ptr, void* userdata), void* userdata);
/* The host pointer of a host value of that abstract name (NULL name: any), held as the abstract or as
 * Dynamic; NULL (INVALID_TYPE, NULL_VALUE) for anything else. */
HLFFI_API void* hlffi_value_as_host(hlffi_value* v, const char* abstract_name);

/* ---- More values ---------------------------------------------------------------------------- */

/* A Haxe Int64 (haxe.Int64 / hl.I64) handle. */
HLFFI_API hlffi_value* hlffi_value_i64(hlffi_vm* vm, int64_t value);
/* The value as a 64-bit integer by Haxe's rules (Int and Float convert); the fallback on failure or null. */
HLFFI_API int64_t hlffi_value_as_i64(hlffi_value* value, int64_t fallback);
/* A Haxe String of `length` UTF-8 bytes (embedded NULs kept; invalid sequences become U+FFFD). utf8 may
 * be NULL only with length 0. */
HLFFI_API hlffi_value* hlffi_value_string_len(hlffi_vm* vm, const char* utf8, size_t length);
/* Std.string of the value as malloc'ed UTF-8 (NUL-terminated too) with its byte length in *length
 * (embedded NULs kept; length may be NULL); NULL on failure. */
HLFFI_API char* hlffi_value_as_string_len(hlffi_value* value, size_t* length);
/* A new empty anonymous object ({}); add fields with hlffi_set_field and the typed setters. */
HLFFI_API hlffi_value* hlffi_value_object(hlffi_vm* vm);

/* ---- Later milestones ----------------------------------------------------------------------- */
/* The event loop, the dedicated VM thread and hot reload are later milestones. Until each lands, its
 * functions return their failure value (HLFFI_ERROR_NOT_IMPLEMENTED, false; a void function does
 * nothing) and record HLFFI_ERROR_NOT_IMPLEMENTED on the VM given: a known gap, never a silent success.
 * What has a true answer gives it: HLFFI_MODE_NON_THREADED (the mode every VM runs in) is accepted and
 * reported, no VM thread runs, hot reload is disabled. */

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

#ifdef __cplusplus
}
#endif

#endif /* HLFFI_H */
