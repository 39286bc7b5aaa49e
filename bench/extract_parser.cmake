# Dependency parser: training/evaluation driver (rebuilds extract/models/parser.bin).
add_executable(extract_parser_train ${CMAKE_CURRENT_LIST_DIR}/extract_parser_train.cpp)
target_link_libraries(extract_parser_train PRIVATE kg::extract kg_options)
target_compile_definitions(extract_parser_train PRIVATE KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}")
