# Dependency parser: training/evaluation driver that rebuilds extract/models/parser.bin
# (see extract/models/PARSER.md), and a Google Benchmark of parse speed and load time.
add_executable(extract_parser_train ${CMAKE_CURRENT_LIST_DIR}/extract_parser_train.cpp)
target_link_libraries(extract_parser_train PRIVATE kg::extract kg_options)
target_compile_definitions(extract_parser_train PRIVATE KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}")

if(TARGET benchmark::benchmark)
  add_executable(extract_parser_bench ${CMAKE_CURRENT_LIST_DIR}/extract_parser_bench.cpp)
  target_link_libraries(extract_parser_bench PRIVATE kg::extract kg_options benchmark::benchmark)
  target_compile_definitions(extract_parser_bench PRIVATE
    KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}" KG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()

# Entity recogniser: training/evaluation driver (UNER EWT dev F1 per type).
add_executable(extract_ner_train ${CMAKE_CURRENT_LIST_DIR}/extract_ner_train.cpp)
target_link_libraries(extract_ner_train PRIVATE kg::extract kg_options)
target_compile_definitions(extract_ner_train PRIVATE KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}")

# Part-of-speech tagger: training/evaluation driver (EWT/GUM dev UPOS and XPOS), and the
# tagged dev files extract_parser_train scores the parser on.
add_executable(extract_tagger_train ${CMAKE_CURRENT_LIST_DIR}/extract_tagger_train.cpp)
target_link_libraries(extract_tagger_train PRIVATE kg::extract kg_options)
target_compile_definitions(extract_tagger_train PRIVATE KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}")
