#include "common/util/status_macros.h"
