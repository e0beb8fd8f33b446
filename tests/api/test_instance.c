/* API scenarios for instance members, using only <hlffi.h>: constructing classes, fields (own and
 * inherited), methods with virtual dispatch (an override is called), the typed helpers, instance-of
 * checks, anonymous structures, wrong names/argument counts/NULL handles and a method that throws.
 * usage: test_instance ApiBasics.hl */
#include "api_test.h"

static void null_inputs(void) {
    CHECK(hlffi_new(NULL, "Animal", 0, NULL) == NULL);
    CHECK(hlffi_get_field(NULL, "name") == NULL);
    CHECK(!hlffi_set_field(NULL, "name", NULL));
    CHECK(hlffi_get_field_int(NULL, "age", 7) == 7);
    CHECK(hlffi_get_field_float(NULL, "weight", 2.5f) == 2.5f);
    CHECK(hlffi_get_field_bool(NULL, "tame", true));
    CHECK(hlffi_get_field_string(NULL, "name") == NULL);
    CHECK(!hlffi_set_field_int(NULL, NULL, "age", 1));
    CHECK(!hlffi_set_field_float(NULL, NULL, "weight", 1));
    CHECK(!hlffi_set_field_bool(NULL, NULL, "tame", true));
    CHECK(!hlffi_set_field_string(NULL, NULL, "name", "x"));
    CHECK(hlffi_call_method(NULL, "speak", 0, NULL) == NULL);
    CHECK(!hlffi_call_method_void(NULL, "speak", 0, NULL));
    CHECK(hlffi_call_method_int(NULL, "legs", 0, NULL, -1) == -1);
    CHECK(hlffi_call_method_float(NULL, "grow", 0, NULL, 0.5f) == 0.5f);
    CHECK(hlffi_call_method_bool(NULL, "isOld", 0, NULL, true));
    CHECK(hlffi_call_method_string(NULL, "speak", 0, NULL) == NULL);
    CHECK(!hlffi_is_instance_of(NULL, "Animal"));
    hlffi_vm *vm = hlffi_create();
    CHECK(hlffi_new(vm, "Animal", 0, NULL) == NULL);
    CHECK(error_has(vm, "no module"));
    hlffi_destroy(vm);
}

static void instances(hlffi_vm *vm) {
    hlffi_value *rex_name = hlffi_value_string(vm, "Rex");
    hlffi_value *three = hlffi_value_int(vm, 3);
    hlffi_value *dog_args[2] = {rex_name, three};
    hlffi_value *cat_name = hlffi_value_string(vm, "Tom");
    hlffi_value *cat = hlffi_new(vm, "Animal", 1, &cat_name);
    hlffi_value *dog = hlffi_new(vm, "Dog", 2, dog_args);
    CHECK(cat != NULL && dog != NULL);

    /* Fields: own, inherited, defaults from the constructor. */
    CHECK(str_is(hlffi_get_field_string(cat, "name"), "Tom"));
    CHECK(str_is(hlffi_get_field_string(dog, "name"), "Rex"));
    CHECK(hlffi_get_field_int(dog, "tricks", -1) == 3);
    CHECK(hlffi_get_field_int(dog, "age", -1) == 0);
    CHECK(hlffi_get_field_float(dog, "weight", 0) == 1.5f);
    CHECK(!hlffi_get_field_bool(dog, "tame", true));
    hlffi_value *f = hlffi_get_field(dog, "tricks");
    CHECK(hlffi_value_as_int(f, 0) == 3);
    hlffi_value_free(f);

    CHECK(hlffi_set_field_int(vm, dog, "age", 12));
    CHECK(hlffi_set_field_float(vm, dog, "weight", 20.25f));
    CHECK(hlffi_set_field_bool(vm, dog, "tame", true));
    CHECK(hlffi_set_field_string(vm, dog, "name", "Max"));
    CHECK(hlffi_set_field_int(vm, dog, "tricks", 5));
    CHECK(hlffi_get_field_int(dog, "age", -1) == 12);
    CHECK(hlffi_get_field_float(dog, "weight", 0) == 20.25f);
    CHECK(hlffi_get_field_bool(dog, "tame", false));
    CHECK(str_is(hlffi_get_field_string(dog, "name"), "Max"));
    CHECK(hlffi_get_field_int(dog, "tricks", -1) == 5);
    CHECK(hlffi_set_field(cat, "age", three)); /* a handle, converted */
    CHECK(hlffi_get_field_int(cat, "age", -1) == 3);
    CHECK(hlffi_set_field_int(vm, cat, "weight", 4)); /* Int stored into a Float */
    CHECK(hlffi_get_field_float(cat, "weight", 0) == 4.0f);
    CHECK(hlffi_set_field_string(vm, cat, "name", NULL)); /* a null String */
    CHECK(hlffi_get_field_string(cat, "name") == NULL);
    hlffi_value *n = hlffi_get_field(cat, "name");
    CHECK(n != NULL && hlffi_value_is_null(n));
    hlffi_value_free(n);
    CHECK(hlffi_set_field(cat, "name", cat_name));

    /* Methods: the override is dispatched; inherited ones found. */
    CHECK(str_is(hlffi_call_method_string(cat, "speak", 0, NULL), "Tom makes a sound"));
    CHECK(str_is(hlffi_call_method_string(dog, "speak", 0, NULL), "Max barks"));
    hlffi_value *r = hlffi_call_method(dog, "speak", 0, NULL);
    CHECK(str_is(hlffi_value_as_string(r), "Max barks"));
    hlffi_value_free(r);
    CHECK(hlffi_call_method_int(dog, "legs", 0, NULL, -1) == 4);
    CHECK(hlffi_call_method_bool(dog, "isOld", 0, NULL, false));
    CHECK(!hlffi_call_method_bool(cat, "isOld", 0, NULL, true));
    hlffi_value *half = hlffi_value_float(vm, 0.5);
    hlffi_value *grow_args[2] = {three, half};
    CHECK(hlffi_call_method_float(cat, "grow", 2, grow_args, 0) == 4.5f);
    CHECK(hlffi_get_field_int(cat, "age", -1) == 6);
    hlffi_value *bob = hlffi_value_string(vm, "Bob");
    CHECK(hlffi_call_method_void(dog, "rename", 1, &bob));
    r = hlffi_call_method(dog, "rename", 1, &bob);
    CHECK(r != NULL && hlffi_value_is_null(r)); /* Void gives a null handle */
    hlffi_value_free(r);
    CHECK(str_is(hlffi_call_method_string(dog, "speak", 0, NULL), "Bob barks"));
    /* A method read as a field is a closure bound to the object. */
    hlffi_value *m = hlffi_get_field(dog, "legs");
    CHECK(m != NULL && !hlffi_value_is_null(m));
    hlffi_value_free(m);

    /* Instance-of: subclasses count. */
    CHECK(hlffi_is_instance_of(dog, "Dog"));
    CHECK(hlffi_is_instance_of(dog, "Animal"));
    CHECK(hlffi_is_instance_of(cat, "Animal"));
    CHECK(!hlffi_is_instance_of(cat, "Dog"));
    CHECK(!hlffi_is_instance_of(dog, "ApiBasics"));
    CHECK(!hlffi_is_instance_of(dog, NULL));
    CHECK(!hlffi_is_instance_of(three, "Animal"));
    CHECK(hlffi_is_instance_of(rex_name, "String"));

    /* Errors. */
    CHECK(hlffi_new(vm, "NoSuchClass", 0, NULL) == NULL);
    CHECK(error_has(vm, "NoSuchClass"));
    CHECK(hlffi_new(vm, NULL, 0, NULL) == NULL);
    CHECK(hlffi_new(vm, "Dog", 1, dog_args) == NULL);
    CHECK(error_has(vm, "takes 2 arguments, 1 given"));
    CHECK(hlffi_new(vm, "Dog", 2, NULL) == NULL);
    hlffi_value *bad_args[2] = {rex_name, rex_name};
    CHECK(hlffi_new(vm, "Dog", 2, bad_args) == NULL);
    CHECK(error_has(vm, "argument 1"));
    hlffi_value *null_args[2] = {rex_name, NULL};
    CHECK(hlffi_new(vm, "Dog", 2, null_args) == NULL);
    CHECK(error_has(vm, "NULL handle"));
    CHECK(hlffi_get_field(dog, "nope") == NULL);
    CHECK(error_has(vm, "field nope not found"));
    CHECK(hlffi_get_field(dog, NULL) == NULL);
    CHECK(hlffi_get_field_int(dog, "nope", 9) == 9);
    CHECK(!hlffi_set_field(dog, "nope", three));
    CHECK(error_has(vm, "nope"));
    CHECK(!hlffi_set_field(dog, "speak", three));
    CHECK(!hlffi_set_field(dog, "age", NULL));
    CHECK(error_has(vm, "NULL handle"));
    CHECK(!hlffi_set_field(dog, "age", rex_name)); /* a String does not convert to Int */
    CHECK(error_has(vm, "cannot convert"));
    CHECK(hlffi_call_method(dog, "nope", 0, NULL) == NULL);
    CHECK(error_has(vm, "method nope not found"));
    CHECK(hlffi_call_method(dog, "legs", 1, &three) == NULL);
    CHECK(error_has(vm, "takes 0 arguments, 1 given"));
    CHECK(hlffi_call_method(dog, "grow", 2, NULL) == NULL);
    CHECK(hlffi_call_method(dog, "grow", -1, grow_args) == NULL);
    CHECK(hlffi_call_method_int(dog, "nope", 0, NULL, -5) == -5);
    /* Fields that hold no function: an Int (no pointer at all), a Float, a String, a Bool. */
    const char *not_methods[] = {"age", "weight", "name", "tame", "tricks"};
    for (size_t i = 0; i < sizeof not_methods / sizeof not_methods[0]; i++) {
        CHECK(hlffi_call_method(dog, not_methods[i], 0, NULL) == NULL);
        CHECK(error_has(vm, "is not a method"));
    }
    CHECK(hlffi_get_field(three, "x") == NULL);
    CHECK(error_has(vm, "has no members"));
    hlffi_value *nul = hlffi_value_null(vm);
    CHECK(hlffi_call_method(nul, "speak", 0, NULL) == NULL);
    CHECK(error_has(vm, "null"));
    CHECK(!hlffi_is_instance_of(nul, "Animal"));
    hlffi_value_free(nul);

    /* An exception from a method is recorded. */
    hlffi_clear_exception(vm);
    CHECK(hlffi_call_method_int(dog, "fail", 0, NULL, -3) == -3);
    CHECK(hlffi_has_exception(vm));
    CHECK(strstr(hlffi_get_exception_message(vm), "animal failed: Bob") != NULL);
    CHECK(error_has(vm, "animal failed: Bob"));
    hlffi_clear_exception(vm);

    /* A freed handle. */
    hlffi_value *gone = hlffi_new(vm, "Animal", 1, &cat_name);
    hlffi_value_free(gone);
    hlffi_value *gone_args[1] = {gone};
    CHECK(hlffi_call_method(dog, "rename", 1, gone_args) == NULL);
    CHECK(error_has(vm, "freed handle"));

    /* Anonymous structures: fields by name, a function field called as a method. */
    hlffi_value *p = hlffi_call_static(vm, "Animal", "point", 0, NULL);
    CHECK(p != NULL);
    CHECK(hlffi_get_field_int(p, "x", -1) == 3);
    CHECK(str_is(hlffi_get_field_string(p, "label"), "p"));
    CHECK(hlffi_set_field_int(vm, p, "x", 8));
    CHECK(hlffi_get_field_int(p, "x", -1) == 8);
    CHECK(hlffi_get_field(p, "nope") == NULL);
    CHECK(hlffi_call_method_int(p, "f", 1, &three, -1) == 6);
    CHECK(!hlffi_is_instance_of(p, "Animal"));
    hlffi_value_free(p);

    /* Instances survive collections while their handles live. */
    hlffi_value *k = hlffi_value_int(vm, 3000);
    hlffi_value *total = hlffi_call_static(vm, "ApiBasics", "churn", 1, &k);
    hlffi_value_free(total);
    CHECK(str_is(hlffi_call_method_string(dog, "speak", 0, NULL), "Bob barks"));
    CHECK(hlffi_get_field_int(dog, "tricks", -1) == 5);
    hlffi_value_free(k);

    hlffi_value_free(half);
    hlffi_value_free(bob);
    hlffi_value_free(cat);
    hlffi_value_free(dog);
    hlffi_value_free(cat_name);
    hlffi_value_free(rex_name);
    hlffi_value_free(three);
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: test_instance ApiBasics.hl\n");
        return 2;
    }
    null_inputs();
    hlffi_vm *vm = start_vm(argv[1]);
    instances(vm);
    hlffi_destroy(vm);
    return test_result("test_instance");
}
