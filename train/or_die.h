// OrDie: the value of a StatusOr, or the error on stderr and exit status 1.
// For the training commands, whose every failure ends the run.
#ifndef CLAIMS_TRAIN_OR_DIE_H_
#define CLAIMS_TRAIN_OR_DIE_H_

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/status/statusor.h"

namespace claims {

template <typename T>
T OrDie(absl::StatusOr<T> value) {
  if (!value.ok()) {
    std::fprintf(stderr, "%s\n", value.status().ToString().c_str());
    std::exit(1);
  }
  return *std::move(value);
}

}  // namespace claims

#endif  // CLAIMS_TRAIN_OR_DIE_H_
