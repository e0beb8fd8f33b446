/* examples/game_loop: a C frame loop driving a Haxe game (Game.hx).
 *   - Game.update(dt) every frame through a cached call (resolved once, no look-up per frame);
 *   - a C function that Haxe calls back (Game.onScore);
 *   - exceptions thrown by Haxe, handled in C (the frame loop goes on).
 * Usage: game_loop [game_loop.hl] */
#include <hlffi.h>

#include <stdio.h>
#include <stdlib.h>

/* Called by Haxe as onScore(name, score): argc is 2, the arity it was registered with. The argument
 * handles belong to the VM and are valid during the call; the handle returned is taken over by the VM
 * (Game.hx ignores it: null). */
static hlffi_value* on_score(hlffi_vm* vm, int argc, hlffi_value** argv) {
    (void)argc;
    char* name = hlffi_value_as_string(argv[0]);
    printf("  C on_score: %s scored, score is now %d\n", name, hlffi_value_as_int(argv[1], -1));
    free(name);
    return hlffi_value_null(vm);
}

/* Game.spawn(name, speed) through the try_ variant, which tells a Haxe exception (the game refused)
 * from an error (a wrong name or argument: a bug in the host). */
static void spawn(hlffi_vm* vm, const char* name, double speed) {
    hlffi_value* args[2] = {hlffi_value_string(vm, name), hlffi_value_float(vm, speed)};
    hlffi_value* result = NULL;
    const char* error = NULL;
    switch (hlffi_try_call_static(vm, "Game", "spawn", 2, args, &result, &error)) {
    case HLFFI_CALL_OK:
        printf("spawn %s: the game has %d entities\n", name, hlffi_value_as_int(result, -1));
        break;
    case HLFFI_CALL_EXCEPTION:
        printf("spawn %s: refused, Haxe threw \"%s\"\n", name, error);
        hlffi_clear_exception(vm);
        break;
    case HLFFI_CALL_ERROR:
        printf("spawn %s: cannot call Game.spawn: %s\n", name, error);
        break;
    }
    hlffi_value_free(result);
    hlffi_value_free(args[0]);
    hlffi_value_free(args[1]);
}

int main(int argc, char** argv) {
    const char* path = argc > 1 ? argv[1] : "game_loop.hl";
    hlffi_vm* vm = hlffi_create();
    hlffi_init(vm, 0, NULL);
    if (hlffi_load_file(vm, path) != HLFFI_OK || hlffi_call_entry(vm) != HLFFI_OK) {
        fprintf(stderr, "%s: %s\n", path, hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }

    /* The callback: register a C function, get it as a Haxe function value, store it where Haxe
     * looks for it. The static field keeps the function alive; our handle can go. */
    hlffi_register_callback(vm, "on_score", on_score, 2);
    hlffi_value* callback = hlffi_get_callback(vm, "on_score");
    if (hlffi_set_static_field(vm, "Game", "onScore", callback) != HLFFI_OK)
        fprintf(stderr, "cannot set Game.onScore: %s\n", hlffi_get_error(vm));
    hlffi_value_free(callback);

    /* The frame loop. Game.update is resolved once; the dt handles are made once and reused. */
    hlffi_cached_call* update = hlffi_cache_static_method(vm, "Game", "update");
    if (update == NULL) {
        fprintf(stderr, "cannot cache Game.update: %s\n", hlffi_get_error(vm));
        hlffi_destroy(vm);
        return 1;
    }
    hlffi_value* frame_dt = hlffi_value_float(vm, 0.5);
    hlffi_value* hitch_dt = hlffi_value_float(vm, 3.0); /* frame 4 stalls for 3 seconds */
    for (int frame = 1; frame <= 8; frame++) {
        hlffi_value* dt = frame == 4 ? hitch_dt : frame_dt;
        hlffi_value* score = hlffi_call_cached(update, 1, &dt);
        if (score != NULL) {
            printf("frame %d: score %d\n", frame, hlffi_value_as_int(score, -1));
        } else {
            /* Haxe threw (or the call failed): the exception is recorded, never thrown into C. */
            printf("frame %d: Game.update threw \"%s\"\n", frame, hlffi_get_exception_message(vm));
            hlffi_clear_exception(vm);
        }
        hlffi_value_free(score);
    }

    spawn(vm, "ufo", 80);
    spawn(vm, "anchor", 0);

    hlffi_value* score = hlffi_get_static_field(vm, "Game", "score");
    printf("final score: %d\n", hlffi_value_as_int(score, -1));

    hlffi_value_free(score);
    hlffi_value_free(frame_dt);
    hlffi_value_free(hitch_dt);
    hlffi_cached_call_free(update);
    hlffi_destroy(vm); /* also drops the callback registration */
    return 0;
}
