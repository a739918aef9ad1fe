/* SelfScreen's stand-in for the config.h that libyaml's configure script writes: the release's
   version, read by api.c. Update it with the vendored files (../VENDORED.md). */
#define YAML_VERSION_MAJOR 0
#define YAML_VERSION_MINOR 2
#define YAML_VERSION_PATCH 5
#define YAML_VERSION_STRING "0.2.5"
