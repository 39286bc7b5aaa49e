# Language core: whole-pipeline throughput (words/s on treebank training text, one core),
# model load time and peak memory.
if(TARGET benchmark::benchmark)
  add_executable(extract_bench ${CMAKE_CURRENT_LIST_DIR}/extract_bench.cpp)
  target_link_libraries(extract_bench PRIVATE kg::extract kg_options benchmark::benchmark)
  target_compile_definitions(extract_bench PRIVATE
    KG_SHARED_DATA_DIR="${KG_SHARED_DATA_DIR}" KG_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
endif()
