# The sources follow .clang-format (CI runs this with the other tests).
find_program(CLANG_FORMAT clang-format)
if(CLANG_FORMAT AND EXISTS ${PROJECT_SOURCE_DIR}/.git)
  add_test(NAME SourcesAreClangFormatted COMMAND ${PROJECT_SOURCE_DIR}/scripts/check-format.sh)
  set_tests_properties(SourcesAreClangFormatted PROPERTIES LABELS style)
endif()
