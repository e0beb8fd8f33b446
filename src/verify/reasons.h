/* The verifier's rejection reasons: one X-macro catalogue, X(ID, "short description"). Error texts end
 * in [ID]; docs/internals/verifier.md and tests/verify enumerate this table, so every id is documented
 * and has a negative test. Add new ids at the end of their group; never reuse an id for another rule. */
#ifndef HLI_VERIFY_REASONS_H
#define HLI_VERIFY_REASONS_H

#define HLI_VERIFY_REASONS(X)                                                                              \
    /* module level: classes and the work bound */                                                         \
    X(PROTO_TYPE, "a method's function does not take an instance of its class as first argument")         \
    X(OVERRIDE_TYPE, "a method overriding a virtual slot has a type that does not fit the slot's")         \
    X(BINDING_TYPE, "a function bound into a field does not fit the field's type")                         \
    X(CLASS_GLOBAL, "a class's or enum's global slot has a type that cannot hold its class object")        \
    X(CLASS_NAME, "two classes share a name, which HashLink's subtyping would treat as one class")          \
    X(TOO_COMPLEX, "the module's types make verification exceed its work bound")                            \
    X(STRING_CLASS, "the class named String lacks the layout natives give Strings (bytes, then length)")    \
    X(CONST_STRING, "a String constant's length differs from its string's length in UTF-16 units")         \
    /* function level */                                                                                   \
    X(SIG_NREGS, "the function has fewer registers than arguments")                                         \
    X(SIG_ARG_TYPE, "an argument register's type differs from the function type's argument")               \
    X(REG_TYPE, "a register has a type no value can have (method, packed)")                                 \
    /* operands: indexes into the module's tables and the function's registers */                          \
    X(OP_UNSUPPORTED, "an opcode Haxe 4.x does not emit (OPrefetch, OAsm, OCatch)")                        \
    X(REG_INDEX, "a register operand is out of range")                                                      \
    X(INT_INDEX, "an ints table index is out of range")                                                     \
    X(FLOAT_INDEX, "a floats table index is out of range")                                                  \
    X(STRING_INDEX, "a strings table index is out of range")                                                \
    X(BYTES_INDEX, "a bytes table index is out of range")                                                   \
    X(TYPE_INDEX, "a types table index is out of range")                                                    \
    X(GLOBAL_INDEX, "a global index is out of range")                                                       \
    X(FINDEX, "a function index (findex) is out of range")                                                  \
    X(FIELD_INDEX, "a field index is out of range for the object or virtual type")                          \
    X(PROTO_SLOT, "a virtual method slot is not defined by the object's class or its superclasses")         \
    X(CONSTRUCT_INDEX, "an enum construct index is out of range")                                           \
    X(PARAM_INDEX, "an enum parameter index is out of range for the construct")                             \
    /* operand kinds and types */                                                                          \
    X(DST_KIND, "the destination register has a kind the op cannot produce")                                \
    X(SRC_KIND, "an operand register has a kind the op cannot read")                                        \
    X(ARITH_TYPE, "an arithmetic operand's type differs from the destination's")                            \
    X(MOV_TYPE, "the source of a move does not safe-cast to the destination")                               \
    X(CALL_ARITY, "the number of call arguments differs from the callee's")                                 \
    X(CALL_ARG, "a call argument does not safe-cast to the callee's argument type")                         \
    X(CALL_RET, "the callee's return type does not safe-cast to the destination")                           \
    X(NOT_METHOD, "OCallMethod on a virtual field that is not a method")                                    \
    X(CLOSURE_BIND, "the bound value does not fit the function's first argument (or it has none)")          \
    X(CLOSURE_TYPE, "the closure's function type does not safe-cast to the destination")                    \
    X(GLOBAL_TYPE, "a global's type and the register's type do not fit")                                    \
    X(FIELD_TYPE, "a field's type and the register's type do not fit")                                      \
    X(COMPARE_TYPE, "the compared registers have types the comparison does not support")                   \
    X(RET_TYPE, "the returned register's type does not fit the function's return type")                     \
    X(BOX_TYPE, "OToDyn: the destination is neither dynamic nor null<source type>")                         \
    X(REF_TYPE, "a reference's parameter type and the register's type do not fit")                          \
    X(ENUM_ARITY, "OMakeEnum: the number of values differs from the construct's parameters")                \
    X(ENUM_TYPE, "an enum parameter's type and the register's type do not fit")                             \
    /* control flow */                                                                                     \
    X(JUMP_TARGET, "a jump target is outside the function")                                                 \
    X(SWITCH_END, "OSwitch's end offset points outside the function")                                       \
    X(FALL_OFF, "execution can run past the function's last op")                                            \
    X(TRAP_DEPTH, "an op is reached with different exception-trap depths")                                  \
    X(TRAP_UNDERFLOW, "OEndTrap with no trap pushed in the function")                                       \
    X(TRAP_AT_RET, "ORet while an exception trap of the function is still pushed")                          \
    X(TRAP_TOO_DEEP, "exception traps nested deeper than the verifier's limit")

/* The reason ids as an enum: HLI_VR_PROTO_TYPE, ... */
typedef enum hli_verify_reason {
#define HLI_VR_ENUM(id, text) HLI_VR_##id,
    HLI_VERIFY_REASONS(HLI_VR_ENUM)
#undef HLI_VR_ENUM
    HLI_VR__COUNT
} hli_verify_reason;

#endif
