# The entity lexicon kg build reads (extract/models/entities.tsv) is derived data: the
# committed file must be exactly what extract/tools/make_entity_lexicon.py makes of the
# gazetteers in the shared data directory.
find_package(Python3 COMPONENTS Interpreter QUIET)
if(Python3_Interpreter_FOUND AND EXISTS "${KG_SHARED_DATA_DIR}/gazetteer_countries_mledoze")
  set(_lexicon ${CMAKE_BINARY_DIR}/lexicons-out/entities.tsv)
  add_test(NAME EntityLexiconRegenerates
    COMMAND sh -c "set -e; mkdir -p '${CMAKE_BINARY_DIR}/lexicons-out'; \
      '${Python3_EXECUTABLE}' '${PROJECT_SOURCE_DIR}/extract/tools/make_entity_lexicon.py' \
        '${KG_SHARED_DATA_DIR}' '${_lexicon}'; \
      cmp '${_lexicon}' '${PROJECT_SOURCE_DIR}/extract/models/entities.tsv'")
  set_tests_properties(EntityLexiconRegenerates PROPERTIES LABELS lexicons)
endif()
