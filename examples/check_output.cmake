# Runs an example (EXE with ARGS, a ;-list) and fails unless it exits with 0 and prints exactly the
# contents of EXPECTED (run with cmake -P).
execute_process(COMMAND ${EXE} ${ARGS} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
file(READ ${EXPECTED} want)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${EXE} exited with ${rc}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(NOT out STREQUAL want)
  message(FATAL_ERROR "${EXE}: unexpected output\n--- got:\n${out}--- want:\n${want}--- stderr:\n${err}")
endif()
message(STATUS "output as expected (${EXPECTED})")
