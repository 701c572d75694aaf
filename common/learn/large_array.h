// LargeArray<T>: a fixed-size, zero-filled array of a trivially copyable T,
// for the tables of a loaded model (tens of megabytes, read at random).
//
// Arrays of 1 MiB and more are mapped from anonymous memory aligned to 2 MiB
// and the kernel is asked for transparent huge pages (MADV_HUGEPAGE; the
// machines run THP in "madvise" mode). Why: a model lookup touches one
// random line of a 30 MB table; with 4 KiB pages nearly every lookup is
// also a TLB miss and a page walk, which under virtualisation costs about
// as much as the cache miss itself. Where huge pages are unavailable the
// array works the same, only slower. Smaller arrays come from the heap.
//
//   LargeArray<Slot> table(1 << 21);   // 2M zeroed slots
//   table[i].key = key;
//
// Copying copies the elements. Not thread-safe for writes; concurrent reads
// of an array nobody writes are safe.
#ifndef CLAIMS_COMMON_LEARN_LARGE_ARRAY_H_
#define CLAIMS_COMMON_LEARN_LARGE_ARRAY_H_

#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>

namespace claims::learn {
namespace internal {

// Zeroed memory of `bytes` bytes; `*mapped` says how to free it.
void* AllocateZeroed(size_t bytes, bool* mapped);
void Free(void* data, size_t bytes, bool mapped);

}  // namespace internal

template <typename T>
class LargeArray {
  static_assert(std::is_trivially_copyable_v<T>, "elements are copied as bytes");

 public:
  LargeArray() = default;
  explicit LargeArray(size_t size) : size_(size) {
    if (size_ > 0) {
      data_ = static_cast<T*>(internal::AllocateZeroed(size_ * sizeof(T), &mapped_));
    }
  }
  LargeArray(const LargeArray& other) : LargeArray(other.size_) {
    if (size_ > 0) std::memcpy(data_, other.data_, size_ * sizeof(T));
  }
  LargeArray(LargeArray&& other) noexcept { swap(other); }
  LargeArray& operator=(LargeArray other) noexcept {
    swap(other);
    return *this;
  }
  ~LargeArray() {
    if (data_ != nullptr) internal::Free(data_, size_ * sizeof(T), mapped_);
  }

  void swap(LargeArray& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(mapped_, other.mapped_);
  }

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return data_; }
  const T* data() const { return data_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  T* data_ = nullptr;
  size_t size_ = 0;
  bool mapped_ = false;
};

}  // namespace claims::learn

#endif  // CLAIMS_COMMON_LEARN_LARGE_ARRAY_H_
