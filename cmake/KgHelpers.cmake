# Common compile settings for every project target.
add_library(kg_options INTERFACE)
add_library(kg::options ALIAS kg_options)
target_compile_options(kg_options INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>
  $<$<AND:$<BOOL:${KG_WERROR}>,$<CXX_COMPILER_ID:GNU,Clang>>:-Werror>)
if(KG_SANITIZE)
  target_compile_options(kg_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(kg_options INTERFACE -fsanitize=address,undefined -fno-sanitize-recover=all)
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
