# What `make install` (cmake --install) puts under the prefix, with GNUInstallDirs' layout:
#   lib/libhlffi.so.3.x.y, its SONAME link libhlffi.so.3 and libhlffi.so; lib/libhlffi.a
#   include/hlffi.h, include/hlffi_compat.h; bin/hlffi
#   lib/cmake/hlffi/: hlffiConfig.cmake, hlffiConfigVersion.cmake, hlffiTargets*.cmake, so that
#     find_package(hlffi) gives hlffi::hlffi (shared) and hlffi::hlffi_static
#   lib/pkgconfig/hlffi.pc
# Everything is relative to the prefix chosen at install time (CMAKE_INSTALL_PREFIX, or
# `cmake --install --prefix`), and DESTDIR is honoured, so a staged or relocated install works.
include(CMakePackageConfigHelpers)

set(HLFFI_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/hlffi)

set_target_properties(hlffi_shared PROPERTIES EXPORT_NAME hlffi)
set_target_properties(hlffi_static PROPERTIES EXPORT_NAME hlffi_static)
install(TARGETS hlffi_shared hlffi_static EXPORT hlffiTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_COMPONENT Development
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS hlffi_tool RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES ${PROJECT_SOURCE_DIR}/include/hlffi.h ${PROJECT_SOURCE_DIR}/include/hlffi_compat.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

install(EXPORT hlffiTargets NAMESPACE hlffi:: DESTINATION ${HLFFI_CMAKE_DIR})
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/hlffiConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/hlffiConfig.cmake INSTALL_DESTINATION ${HLFFI_CMAKE_DIR})
# 3.x hosts build against any later 3.y: the v3 names, signatures and enum values never change.
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/hlffiConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hlffiConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/hlffiConfigVersion.cmake
  DESTINATION ${HLFFI_CMAKE_DIR})

# hlffi.pc is written at install time, so that its prefix is the one actually installed to
# (`cmake --install --prefix` overrides CMAKE_INSTALL_PREFIX after configuration).
foreach(dir LIBDIR INCLUDEDIR)
  if(IS_ABSOLUTE "${CMAKE_INSTALL_${dir}}")
    set(HLFFI_PC_${dir} "${CMAKE_INSTALL_${dir}}")
  else()
    set(HLFFI_PC_${dir} "\${prefix}/${CMAKE_INSTALL_${dir}}")
  endif()
endforeach()
set(HLFFI_PC_VERSION ${PROJECT_VERSION})
set(HLFFI_PC_PREFIX "@HLFFI_PC_PREFIX@") # kept for the install-time substitution below
configure_file(${CMAKE_CURRENT_LIST_DIR}/hlffi.pc.in ${CMAKE_CURRENT_BINARY_DIR}/hlffi.pc.in @ONLY)
install(CODE "
  file(READ \"${CMAKE_CURRENT_BINARY_DIR}/hlffi.pc.in\" pc)
  string(REPLACE \"@HLFFI_PC_PREFIX@\" \"\${CMAKE_INSTALL_PREFIX}\" pc \"\${pc}\")
  file(WRITE \"${CMAKE_CURRENT_BINARY_DIR}/hlffi.pc\" \"\${pc}\")")
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/hlffi.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
