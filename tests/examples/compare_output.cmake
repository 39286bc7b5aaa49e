# Runs PROGRAM with ARG1 (and ARG2 when given) and compares its stdout with the file EXPECTED.
execute_process(COMMAND ${PROGRAM} ${ARG1} ${ARG2} OUTPUT_VARIABLE out ERROR_VARIABLE err
  RESULT_VARIABLE rc ENCODING UTF-8)
if(rc)
  message(FATAL_ERROR "${PROGRAM} exited with ${rc}: ${err}")
endif()
file(READ ${EXPECTED} expected ENCODING UTF-8)
if(NOT out STREQUAL expected)
  file(WRITE ${EXPECTED}.actual "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED}; actual output written to ${EXPECTED}.actual\n${out}")
endif()
