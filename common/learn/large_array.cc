#include "common/learn/large_array.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdlib>
#include <new>

namespace claims::learn::internal {
namespace {

// Below this an array comes from the heap: a huge page would be mostly
// empty, and small tables stay in the TLB's reach anyway.
constexpr size_t kMapAtLeast = size_t{1} << 20;
constexpr size_t kHugePage = size_t{2} << 20;

size_t RoundUp(size_t n, size_t to) { return (n + to - 1) / to * to; }

}  // namespace

void* AllocateZeroed(size_t bytes, bool* mapped) {
  *mapped = false;
  if (bytes >= kMapAtLeast) {
    // Over-map by one huge page, then trim both ends so the array starts on
    // a 2 MiB boundary: the kernel only backs aligned 2 MiB ranges with
    // huge pages.
    const size_t size = RoundUp(bytes, kHugePage);
    void* raw = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw != MAP_FAILED) {
      const uintptr_t start = reinterpret_cast<uintptr_t>(raw);
      const uintptr_t aligned = RoundUp(start, kHugePage);
      if (aligned > start) munmap(raw, aligned - start);
      const uintptr_t tail = aligned + size;
      const uintptr_t raw_end = start + size + kHugePage;
      if (raw_end > tail) munmap(reinterpret_cast<void*>(tail), raw_end - tail);
      void* data = reinterpret_cast<void*>(aligned);
#ifdef MADV_HUGEPAGE
      madvise(data, size, MADV_HUGEPAGE);  // advice only: failure is harmless
#endif
      *mapped = true;
      return data;  // anonymous memory is zero-filled
    }
  }
  void* data = std::calloc(bytes, 1);
  if (data == nullptr) throw std::bad_alloc();
  return data;
}

void Free(void* data, size_t bytes, bool mapped) {
  if (mapped) {
    munmap(data, RoundUp(bytes, kHugePage));
  } else {
    std::free(data);
  }
}

}  // namespace claims::learn::internal
