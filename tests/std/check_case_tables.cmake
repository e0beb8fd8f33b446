# Regenerates the case tables (src/std/gen_case_tables.py) and compares them with the committed
# src/std/std_case_tables.h. Arguments: -DPYTHON= -DSRC=<src/std> -DOUT=<scratch file>.
execute_process(COMMAND ${PYTHON} ${SRC}/gen_case_tables.py OUTPUT_FILE ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "gen_case_tables.py failed (${rc})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${SRC}/std_case_tables.h RESULT_VARIABLE diff)
if(NOT diff EQUAL 0)
  message(FATAL_ERROR "src/std/std_case_tables.h differs from what gen_case_tables.py generates")
endif()
