/* The HashLink opcode table (hl-spec.md section 3.2), as one X-macro that everything else
 * (names, operand encodings, the verifier's and the interpreter's dispatch) is generated from. */
#ifndef HLI_LOAD_OPCODES_H
#define HLI_LOAD_OPCODES_H

/* Operand encodings (hl-spec.md 1.10): a fixed number of vi operands, or one of two variable forms. */
#define HLI_ENC_VAR (-1)    /* p1: vi, p2: vi, n: u8, n x vi */
#define HLI_ENC_SWITCH (-2) /* p1: uvi, n: uvi, n x uvi, p3: uvi */

/* X(name, number, encoding) */
#define HLI_OPCODES(X)            \
    X(OMov, 0, 2)                 \
    X(OInt, 1, 2)                 \
    X(OFloat, 2, 2)               \
    X(OBool, 3, 2)                \
    X(OBytes, 4, 2)               \
    X(OString, 5, 2)              \
    X(ONull, 6, 1)                \
    X(OAdd, 7, 3)                 \
    X(OSub, 8, 3)                 \
    X(OMul, 9, 3)                 \
    X(OSDiv, 10, 3)               \
    X(OUDiv, 11, 3)               \
    X(OSMod, 12, 3)               \
    X(OUMod, 13, 3)               \
    X(OShl, 14, 3)                \
    X(OSShr, 15, 3)               \
    X(OUShr, 16, 3)               \
    X(OAnd, 17, 3)                \
    X(OOr, 18, 3)                 \
    X(OXor, 19, 3)                \
    X(ONeg, 20, 2)                \
    X(ONot, 21, 2)                \
    X(OIncr, 22, 1)               \
    X(ODecr, 23, 1)               \
    X(OCall0, 24, 2)              \
    X(OCall1, 25, 3)              \
    X(OCall2, 26, 4)              \
    X(OCall3, 27, 5)              \
    X(OCall4, 28, 6)              \
    X(OCallN, 29, HLI_ENC_VAR)    \
    X(OCallMethod, 30, HLI_ENC_VAR) \
    X(OCallThis, 31, HLI_ENC_VAR) \
    X(OCallClosure, 32, HLI_ENC_VAR) \
    X(OStaticClosure, 33, 2)      \
    X(OInstanceClosure, 34, 3)    \
    X(OVirtualClosure, 35, 3)     \
    X(OGetGlobal, 36, 2)          \
    X(OSetGlobal, 37, 2)          \
    X(OField, 38, 3)              \
    X(OSetField, 39, 3)           \
    X(OGetThis, 40, 2)            \
    X(OSetThis, 41, 2)            \
    X(ODynGet, 42, 3)             \
    X(ODynSet, 43, 3)             \
    X(OJTrue, 44, 2)              \
    X(OJFalse, 45, 2)             \
    X(OJNull, 46, 2)              \
    X(OJNotNull, 47, 2)           \
    X(OJSLt, 48, 3)               \
    X(OJSGte, 49, 3)              \
    X(OJSGt, 50, 3)               \
    X(OJSLte, 51, 3)              \
    X(OJULt, 52, 3)               \
    X(OJUGte, 53, 3)              \
    X(OJNotLt, 54, 3)             \
    X(OJNotGte, 55, 3)            \
    X(OJEq, 56, 3)                \
    X(OJNotEq, 57, 3)             \
    X(OJAlways, 58, 1)            \
    X(OToDyn, 59, 2)              \
    X(OToSFloat, 60, 2)           \
    X(OToUFloat, 61, 2)           \
    X(OToInt, 62, 2)              \
    X(OSafeCast, 63, 2)           \
    X(OUnsafeCast, 64, 2)         \
    X(OToVirtual, 65, 2)          \
    X(OLabel, 66, 0)              \
    X(ORet, 67, 1)                \
    X(OThrow, 68, 1)              \
    X(ORethrow, 69, 1)            \
    X(OSwitch, 70, HLI_ENC_SWITCH) \
    X(ONullCheck, 71, 1)          \
    X(OTrap, 72, 2)               \
    X(OEndTrap, 73, 1)            \
    X(OGetI8, 74, 3)              \
    X(OGetI16, 75, 3)             \
    X(OGetMem, 76, 3)             \
    X(OGetArray, 77, 3)           \
    X(OSetI8, 78, 3)              \
    X(OSetI16, 79, 3)             \
    X(OSetMem, 80, 3)             \
    X(OSetArray, 81, 3)           \
    X(ONew, 82, 1)                \
    X(OArraySize, 83, 2)          \
    X(OType, 84, 2)               \
    X(OGetType, 85, 2)            \
    X(OGetTID, 86, 2)             \
    X(ORef, 87, 2)                \
    X(OUnref, 88, 2)              \
    X(OSetref, 89, 2)             \
    X(OMakeEnum, 90, HLI_ENC_VAR) \
    X(OEnumAlloc, 91, 2)          \
    X(OEnumIndex, 92, 2)          \
    X(OEnumField, 93, 4)          \
    X(OSetEnumField, 94, 3)       \
    X(OAssert, 95, 0)             \
    X(ORefData, 96, 2)            \
    X(ORefOffset, 97, 3)          \
    X(ONop, 98, 0)                \
    X(OPrefetch, 99, 3)           \
    X(OAsm, 100, 3)               \
    X(OCatch, 101, 1)

typedef enum hli_opcode {
#define HLI_OPCODE_ENUM(name, num, enc) name = num,
    HLI_OPCODES(HLI_OPCODE_ENUM)
#undef HLI_OPCODE_ENUM
    OLast = 102
} hli_opcode;

/* Opcodes the Haxe compiler (4.2.5 and 4.3) can emit: 0..ONop. The newer ones (OPrefetch, OAsm,
 * OCatch) are decoded so that files of newer compilers give a precise error, and rejected by the
 * verifier. */
#define HLI_OPCODE_HAXE_LAST ONop

#endif
