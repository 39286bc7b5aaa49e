# Common compile settings for every project target.
add_library(kg_options INTERFACE)
add_library(kg::options ALIAS kg_options)
target_compile_options(kg_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>
  $<$<AND:$<BOOL:${KG_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang>>:-Werror>)
# GCC 12 at -O2/-O3 warns about std::string code of libstdc++ itself (-Wrestrict and
# -Wstringop-overread in char_traits.h / stl_algobase.h, GCC bugs 105329 and 105651), in
# calls that are correct; the two warnings are off for that compiler only.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_GREATER_EQUAL 12
   AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(kg_options INTERFACE -Wno-restrict -Wno-stringop-overread)
endif()
# KG_SANITIZE: AddressSanitizer (with LeakSanitizer) and UndefinedBehaviorSanitizer on
# every project target; the first report aborts the process so a test cannot pass
# over it. KG_FUZZ (clang only) adds libFuzzer's coverage instrumentation to the
# same targets and implies the sanitizers; the fuzz targets in tests/fuzz link
# libFuzzer's main with kg_fuzz_options.
if(KG_FUZZ AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  message(FATAL_ERROR "KG_FUZZ needs clang (libFuzzer), e.g. -DCMAKE_CXX_COMPILER=clang++-14 "
                      "-DCMAKE_C_COMPILER=clang-14; this is ${CMAKE_CXX_COMPILER_ID}")
endif()
if(KG_SANITIZE OR KG_FUZZ)
  set(KG_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all)
  target_compile_options(kg_options INTERFACE ${KG_SANITIZER_FLAGS} -fno-omit-frame-pointer
    $<$<BOOL:${KG_FUZZ}>:-fsanitize=fuzzer-no-link>)
  target_link_options(kg_options INTERFACE ${KG_SANITIZER_FLAGS})
endif()
add_library(kg_fuzz_options INTERFACE)
if(KG_FUZZ)
  target_link_options(kg_fuzz_options INTERFACE -fsanitize=fuzzer)
endif()

# kg_add_library(<name> SOURCES ... DEPS ...): a module library with public
# headers under <module>/include, exported as kg::<name>.
function(kg_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  if(NOT ARG_SOURCES)
    message(WARNING "kg_${name} has no sources; target not created")
    return()
  endif()
  add_library(kg_${name} ${ARG_SOURCES})
  add_library(kg::${name} ALIAS kg_${name})
  set_target_properties(kg_${name} PROPERTIES EXPORT_NAME ${name} OUTPUT_NAME kg_${name}
    POSITION_INDEPENDENT_CODE ON)
  target_include_directories(kg_${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  target_compile_features(kg_${name} PUBLIC cxx_std_20)
  target_link_libraries(kg_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE $<BUILD_INTERFACE:kg_options> ${ARG_PRIVATE_DEPS})
  set_property(GLOBAL APPEND PROPERTY KG_LIBRARIES kg_${name})
endfunction()
