/* API scenarios for Haxe properties and interfaces, using only <hlffi.h>: hlffi_get_field/set_field (and
 * the typed helpers) on every kind of property behave as Reflect.getProperty/setProperty (checked
 * against Haxe's own answers and the object's state as Haxe sees it), static properties, throwing
 * accessors, values typed by an interface, and hlffi_is_instance_of counting interfaces (compared with
 * Std.isOfType). usage: test_properties ApiProps.hl */
#include "api_test.h"

/* obj.state() as Haxe prints it (malloc'ed). */
static char *state(hlffi_value *obj) { return hlffi_call_method_string(obj, "state", 0, NULL); }

static int contains(char *s, const char *part) {
    int ok = s != NULL && strstr(s, part) != NULL;
    if (!ok)
        fprintf(stderr, "  \"%s\" lacks \"%s\"\n", s ? s : "(NULL)", part);
    free(s);
    return ok;
}

/* Reflect.getProperty(obj, name) computed by Haxe, as an Int (-999 when it fails). */
static int reflect_int(hlffi_vm *vm, hlffi_value *obj, const char *name) {
    hlffi_value *n = hlffi_value_string(vm, name);
    hlffi_value *args[2] = {obj, n};
    hlffi_value *r = hlffi_call_static(vm, "Base", "reflectGet", 2, args);
    int v = hlffi_value_as_int(r, -999);
    hlffi_value_free(r);
    hlffi_value_free(n);
    return v;
}

static void instance_properties(hlffi_vm *vm, const char *cls) {
    hlffi_value *b = hlffi_new(vm, cls, 0, NULL);
    CHECK(b != NULL);
    /* Reads: the getter when there is one, else the field; the same values Reflect.getProperty gives. */
    const char *names[] = {"w", "calc", "both", "obs", "ro", "guarded"};
    const int want[] = {20, 42, 103, 1, 5, 0};
    for (int i = 0; i < 6; i++) {
        int got = hlffi_get_field_int(b, names[i], -1), haxe = reflect_int(vm, b, names[i]);
        if (got != want[i] || got != haxe)
            fprintf(stderr, "  %s.%s: %d, want %d (Reflect.getProperty: %d)\n", cls, names[i], got, want[i], haxe);
        CHECK(got == want[i] && got == haxe);
    }
    /* get_weird takes an argument: not an accessor, so `weird` is the plain field (where Reflect would
     * call get_weird with its argument missing). */
    CHECK(hlffi_get_field_int(b, "weird", -1) == 9);
    CHECK(str_is(hlffi_get_field_string(b, "title"), "<untitled>"));
    hlffi_value *w = hlffi_get_field(b, "w");
    CHECK(hlffi_value_as_int(w, 0) == 20);

    /* Writes: the setter when there is one (what it stores is what Haxe sees), else the field. */
    hlffi_value *five = hlffi_value_int(vm, 5);
    CHECK(hlffi_set_field(b, "w", five));
    CHECK(hlffi_get_field_int(b, "w", -1) == 50);
    CHECK(hlffi_set_field_int(vm, b, "both", 4)); /* set_both stores 8, get_both adds 100 */
    CHECK(hlffi_get_field_int(b, "both", -1) == 108);
    CHECK(hlffi_set_field_int(vm, b, "obs", 5));
    CHECK(hlffi_get_field_int(b, "obs", -1) == 6);
    CHECK(hlffi_set_field_int(vm, b, "ro", 9)); /* (default, null): Reflect.setProperty writes the field */
    CHECK(hlffi_set_field_int(vm, b, "weird", 4));
    CHECK(hlffi_set_field_string(vm, b, "title", "Hi"));
    CHECK(str_is(hlffi_get_field_string(b, "title"), "<Hi>"));
    CHECK(hlffi_set_field_float(vm, b, "w", 7.9f)); /* converted to the setter's Int: 7 */
    CHECK(contains(state(b), "_w=7 _title=Hi both=108 obs=6 ro=9 guarded=0 weird=4"));

    /* A (get, never) property has nothing to write; a throwing setter or getter reports the exception. */
    CHECK(!hlffi_set_field(b, "calc", five));
    CHECK(error_has(vm, "calc"));
    CHECK(hlffi_set_field_int(vm, b, "guarded", 3));
    hlffi_clear_exception(vm);
    CHECK(!hlffi_set_field_int(vm, b, "guarded", -1));
    CHECK(error_has(vm, "guarded must be >= 0, got -1"));
    CHECK(strstr(hlffi_get_exception_message(vm), "guarded must be >= 0") != NULL);
    CHECK(contains(state(b), "guarded=3"));
    hlffi_clear_exception(vm);
    CHECK(hlffi_get_field(b, "fragile") == NULL);
    CHECK(error_has(vm, "fragile broke") && hlffi_has_exception(vm));
    CHECK(hlffi_get_field_int(b, "fragile", -5) == -5);
    /* A value that does not convert to the setter's argument. */
    hlffi_value *text = hlffi_value_string(vm, "x");
    CHECK(!hlffi_set_field(b, "w", text));
    CHECK(error_has(vm, "cannot convert"));
    CHECK(hlffi_get_field_int(b, "w", -1) == 70);
    /* The accessors themselves stay methods; unknown names stay unknown. */
    hlffi_value *getter = hlffi_get_field(b, "get_w");
    CHECK(getter != NULL && !hlffi_value_is_null(getter));
    hlffi_value_free(getter);
    CHECK(hlffi_get_field(b, "nope") == NULL);
    CHECK(error_has(vm, "nope"));

    hlffi_value_free(text);
    hlffi_value_free(five);
    hlffi_value_free(w);
    hlffi_value_free(b);
}

/* A value typed by an interface is a virtual view of the object: members and checks go to the object. */
static void interface_values(hlffi_vm *vm) {
    hlffi_value *b = hlffi_new(vm, "Derived", 0, NULL);
    hlffi_value *shape = hlffi_call_static(vm, "ApiProps", "asShape", 1, &b);
    hlffi_value *named = hlffi_call_static(vm, "ApiProps", "asNamed", 1, &b);
    CHECK(shape != NULL && named != NULL);
    CHECK(hlffi_get_field_int(shape, "w", -1) == 20);
    CHECK(hlffi_set_field_int(vm, named, "w", 3));
    CHECK(hlffi_get_field_int(b, "w", -1) == 30);
    CHECK(hlffi_call_method_float(shape, "area", 0, NULL, -1) == 1.0f);
    CHECK(str_is(hlffi_call_method_string(named, "label", 0, NULL), "base"));
    CHECK(hlffi_is_instance_of(shape, "Base") && hlffi_is_instance_of(shape, "Derived"));
    CHECK(hlffi_is_instance_of(shape, "INamed") && !hlffi_is_instance_of(shape, "IUnused"));
    /* A cached method called on the interface-typed value reaches the object's class. */
    hlffi_cached_call *label = hlffi_cache_instance_method(vm, "Base", "label");
    hlffi_value *r = hlffi_call_cached_method(label, named, 0, NULL);
    CHECK(str_is(hlffi_value_as_string(r), "base"));
    hlffi_value_free(r);
    hlffi_slot out;
    hlffi_cached_call *area = hlffi_cache_instance_method(vm, "Base", "area");
    CHECK(hlffi_call_typed_method(area, shape, NULL, 0, &out) == HLFFI_OK && out.f64 == 1.0);
    CHECK(hlffi_cache_instance_method(vm, "IShape", "area") == NULL); /* interfaces have no instances */
    CHECK(error_has(vm, "interface"));
    hlffi_cached_call_free(label);
    hlffi_cached_call_free(area);
    hlffi_value_free(shape);
    hlffi_value_free(named);
    hlffi_value_free(b);
}

static void static_properties(hlffi_vm *vm) {
    hlffi_value *c = hlffi_get_static_field(vm, "Statics", "count");
    CHECK(hlffi_value_as_int(c, -1) == 1007);
    hlffi_value_free(c);
    hlffi_value *v = hlffi_value_int(vm, 5);
    CHECK(hlffi_set_static_field(vm, "Statics", "count", v) == HLFFI_OK);
    hlffi_value *raw = hlffi_call_static(vm, "Statics", "rawCount", 0, NULL);
    CHECK(hlffi_value_as_int(raw, -1) == 5);
    hlffi_value_free(raw);
    c = hlffi_get_static_field(vm, "Statics", "count");
    CHECK(hlffi_value_as_int(c, -1) == 1005);
    hlffi_value_free(c);
    c = hlffi_get_static_field(vm, "Statics", "plain");
    CHECK(hlffi_value_as_int(c, -1) == 11);
    hlffi_value_free(c);
    CHECK(hlffi_set_static_field(vm, "Statics", "plain", v) == HLFFI_OK);
    c = hlffi_get_static_field(vm, "Statics", "plain");
    CHECK(hlffi_value_as_int(c, -1) == 5);
    hlffi_value_free(c);
    CHECK(hlffi_get_static_field(vm, "Statics", "nope") == NULL);
    CHECK(error_has(vm, "Statics.nope"));
    hlffi_value *s = hlffi_value_string(vm, "x");
    CHECK(hlffi_set_static_field(vm, "Statics", "count", s) == HLFFI_ERROR_INVALID_ARGUMENT);
    hlffi_value_free(s);
    hlffi_value_free(v);
}

/* Std.isOfType(obj, iface) as Haxe answers it. */
static bool haxe_is(hlffi_vm *vm, hlffi_value *obj, const char *check) {
    hlffi_value *r = hlffi_call_static(vm, "ApiProps", check, 1, &obj);
    bool b = hlffi_value_as_bool(r, false);
    CHECK(r != NULL);
    hlffi_value_free(r);
    return b;
}

static void interfaces(hlffi_vm *vm) {
    const char *classes[] = {"Base", "Derived", "Loose", "Plain"};
    /* IShape, INamed, IUnused for each class: direct, through a super-interface, through a superclass. */
    const bool want[4][3] = {{true, true, false}, {true, true, false}, {true, false, false}, {false, false, false}};
    const char *ifaces[] = {"IShape", "INamed", "IUnused"};
    const char *checks[] = {"isShape", "isNamed", "isUnused"};
    for (int c = 0; c < 4; c++) {
        hlffi_value *o = hlffi_new(vm, classes[c], 0, NULL);
        CHECK(o != NULL);
        CHECK(hlffi_is_instance_of(o, classes[c]));
        for (int i = 0; i < 3; i++) {
            bool got = hlffi_is_instance_of(o, ifaces[i]);
            if (got != want[c][i])
                fprintf(stderr, "  %s is %s: %d\n", classes[c], ifaces[i], got);
            CHECK(got == want[c][i]);
            CHECK(got == haxe_is(vm, o, checks[i]));
        }
        hlffi_value_free(o);
    }
    hlffi_value *d = hlffi_new(vm, "Derived", 0, NULL);
    CHECK(hlffi_is_instance_of(d, "Base") && !hlffi_is_instance_of(d, "Loose"));
    CHECK(!hlffi_is_instance_of(d, "NoSuchType"));
    CHECK(error_has(vm, "NoSuchType"));
    CHECK(!hlffi_is_instance_of(d, NULL));
    hlffi_value *i = hlffi_value_int(vm, 1);
    CHECK(!hlffi_is_instance_of(i, "IShape"));
    hlffi_value *n = hlffi_value_null(vm);
    CHECK(!hlffi_is_instance_of(n, "IShape"));
    hlffi_value_free(n);
    hlffi_value_free(i);
    hlffi_value_free(d);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_properties ApiProps.hl\n");
        return 2;
    }
    hlffi_vm *vm = start_vm(argv[1]);
    instance_properties(vm, "Base");
    instance_properties(vm, "Derived");
    interface_values(vm);
    static_properties(vm);
    interfaces(vm);
    hlffi_destroy(vm);
    return test_result("test_properties");
}
