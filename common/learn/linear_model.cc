#include "common/learn/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "absl/strings/str_cat.h"

namespace claims::learn {
namespace {

constexpr char kMagic[] = "CLMODEL2";
constexpr size_t kMagicSize = 8;

// Hash-table slot for a key: the keys are already well mixed.
inline size_t SlotOf(uint64_t key, size_t mask) {
  return static_cast<size_t>(key ^ (key >> 29)) & mask;
}

uint16_t ToBfloat16(float value) {
  uint32_t bits;
  std::memcpy(&bits, &value, sizeof(bits));
  bits += 0x7fff + ((bits >> 16) & 1);  // round to nearest even
  return static_cast<uint16_t>(bits >> 16);
}

float FromBfloat16(uint16_t half) {
  const uint32_t bits = static_cast<uint32_t>(half) << 16;
  float value;
  std::memcpy(&value, &bits, sizeof(value));
  return value;
}

class Writer {
 public:
  template <typename T>
  void Put(T value) {
    out_.append(reinterpret_cast<const char*>(&value), sizeof(T));
  }
  void PutString(absl::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void PutBytes(absl::string_view s) { out_.append(s.data(), s.size()); }
  const std::string& data() const { return out_; }

 private:
  std::string out_;
};

// Bounds-checked reader over a loaded file; every Get fails once the input
// is exhausted, so a truncated file is caught where it ends.
class Reader {
 public:
  explicit Reader(absl::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T* value) {
    if (data_.size() < sizeof(T)) return false;
    std::memcpy(value, data_.data(), sizeof(T));
    data_.remove_prefix(sizeof(T));
    return true;
  }
  bool GetString(std::string* s) {
    uint32_t n = 0;
    if (!Get(&n) || data_.size() < n) return false;
    s->assign(data_.data(), n);
    data_.remove_prefix(n);
    return true;
  }
  bool Skip(size_t n) {
    if (data_.size() < n) return false;
    data_.remove_prefix(n);
    return true;
  }
  size_t remaining() const { return data_.size(); }

 private:
  absl::string_view data_;
};

}  // namespace

LinearModel::LinearModel(std::vector<std::string> classes,
                         std::map<std::string, std::string> metadata,
                         std::vector<Row> rows)
    : classes_(std::move(classes)), metadata_(std::move(metadata)) {
  BuildTable(rows);
}

void LinearModel::BuildTable(const std::vector<Row>& rows) {
  // Load factor at most 3/4: linear probing stays short, and the table of
  // a large model (the parser's) stays a fraction of its memory.
  size_t size = 16;
  while (size * 3 < rows.size() * 4) size <<= 1;
  table_ = LargeArray<Slot>(size);
  narrow_ = LargeArray<NarrowSlot>();
  std::vector<PackedCell> cells;
  num_features_ = 0;
  const size_t mask = size - 1;
  for (const Row& row : rows) {
    if (row.cells.empty()) continue;
    size_t i = SlotOf(row.key, mask);
    while (table_[i].count != 0 && table_[i].key != row.key) i = (i + 1) & mask;
    if (table_[i].count != 0) continue;  // duplicate key: first one wins
    table_[i] = Slot{row.key, static_cast<uint32_t>(cells.size()),
                     static_cast<uint16_t>(row.cells.size()), 0};
    for (const Cell& cell : row.cells) {
      cells.push_back(PackedCell{cell.cls, ToBfloat16(cell.weight)});
    }
    ++num_features_;
  }
  cells_ = LargeArray<PackedCell>(cells.size());
  std::copy(cells.begin(), cells.end(), cells_.begin());
  num_cells_ = cells.size();
  FinishLayout();
}

void LinearModel::FinishLayout() {
  NarrowIfSmall();
  if (narrow_.empty()) AddDenseRows();
}

void LinearModel::AddDenseRows() {
  dense_ = LargeArray<uint16_t>();
  const size_t classes = classes_.size();
  // Rows start on 16 bytes, for vector loads.
  dense_stride_ = (classes + 7) / 8 * 8;
  auto wants_row = [&](const Slot& slot) {
    return slot.used() && slot.count * 4 >= classes;
  };
  size_t rows = 0;
  for (const Slot& slot : table_) rows += wants_row(slot);
  rows = std::min<size_t>(rows, 65535);  // Slot::dense is 16 bits
  if (rows == 0) return;
  dense_ = LargeArray<uint16_t>(rows * dense_stride_);
  std::fill(dense_.begin(), dense_.end(), kAbsent);
  std::vector<bool> seen(classes);
  size_t next = 0;
  for (Slot& slot : table_) {
    if (next == rows) break;
    if (!wants_row(slot)) continue;
    uint16_t* row = &dense_[next * dense_stride_];
    std::fill(seen.begin(), seen.end(), false);
    bool distinct = true;
    for (uint32_t j = 0; j < slot.count; ++j) {
      const PackedCell& cell = cells_[slot.first + j];
      // A class twice in one feature is summed cell by cell: keep it sparse.
      if (seen[cell.cls]) distinct = false;
      seen[cell.cls] = true;
      row[cell.cls] = cell.weight;
    }
    if (!distinct) {
      std::fill(row, row + dense_stride_, kAbsent);
      continue;
    }
    slot.dense = static_cast<uint16_t>(++next);
  }
}

void LinearModel::NarrowIfSmall() {
  if (num_classes() > kNarrowClasses || table_.empty()) return;
  // Same size and slot positions as the wide table, so every probe
  // sequence stays valid.
  LargeArray<NarrowSlot> narrow(table_.size());
  for (size_t i = 0; i < table_.size(); ++i) {
    const Slot& slot = table_[i];
    if (!slot.used()) continue;
    NarrowSlot& n = narrow[i];
    n.key = slot.key;
    std::fill(n.weight, n.weight + kNarrowClasses, kAbsent);
    for (uint32_t j = 0; j < slot.count; ++j) {
      const PackedCell& cell = cells_[slot.first + j];
      const uint16_t bit = static_cast<uint16_t>(1u << cell.cls);
      // A class twice in one feature (no trainer writes that) would be
      // summed by the wide table; keep that exact behaviour.
      if (n.present & bit) return;
      n.present |= bit;
      n.weight[cell.cls] = cell.weight;
    }
  }
  narrow_ = std::move(narrow);
  table_ = LargeArray<Slot>();
  cells_ = LargeArray<PackedCell>();
}

namespace {

template <typename S>
inline const S* FindSlot(const LargeArray<S>& table, uint64_t key) {
  const size_t mask = table.size() - 1;
  for (size_t i = SlotOf(key, mask);; i = (i + 1) & mask) {
    const S& slot = table[i];
    if (!slot.used()) return nullptr;
    if (slot.key == key) return &slot;
  }
}

// Keys looked up together: the tables are larger than the cache, so every
// lookup misses, and overlapping the misses of a batch is most of the speed.
constexpr size_t kBatch = 64;

// scores[c] += weight c of a dense row, c < n. SSE2 adds are the same IEEE
// single-precision additions as the scalar ones, lane by lane.
inline void AddDense(const uint16_t* weights, size_t n, float* scores) {
  size_t c = 0;
#ifdef __SSE2__
  const __m128i zero = _mm_setzero_si128();
  for (; c + 8 <= n; c += 8) {
    const __m128i half = _mm_load_si128(reinterpret_cast<const __m128i*>(weights + c));
    // bfloat16 -> float: the 16 bits become the high half of the float.
    const __m128 lo = _mm_castsi128_ps(_mm_unpacklo_epi16(zero, half));
    const __m128 hi = _mm_castsi128_ps(_mm_unpackhi_epi16(zero, half));
    _mm_storeu_ps(scores + c, _mm_add_ps(_mm_loadu_ps(scores + c), lo));
    _mm_storeu_ps(scores + c + 4, _mm_add_ps(_mm_loadu_ps(scores + c + 4), hi));
  }
#endif
  for (; c < n; ++c) scores[c] += FromBfloat16(weights[c]);
}

}  // namespace

template <typename Fn>
void LinearModel::ForEachFeature(Fn fn) const {
  for (const Slot& slot : table_) {
    if (slot.used()) fn(slot.key, &cells_[slot.first], slot.count);
  }
  for (const NarrowSlot& slot : narrow_) {
    if (!slot.used()) continue;
    PackedCell cells[kNarrowClasses];
    size_t count = 0;
    for (int c = 0; c < kNarrowClasses; ++c) {
      if (slot.present & (1u << c)) {
        cells[count++] = PackedCell{static_cast<uint16_t>(c), slot.weight[c]};
      }
    }
    fn(slot.key, cells, count);
  }
}

void LinearModel::Prefetch(absl::Span<const uint64_t> keys) const {
  if (!narrow_.empty()) {
    const size_t mask = narrow_.size() - 1;
    for (uint64_t key : keys) __builtin_prefetch(&narrow_[SlotOf(key, mask)]);
  } else if (!table_.empty()) {
    const size_t mask = table_.size() - 1;
    for (uint64_t key : keys) __builtin_prefetch(&table_[SlotOf(key, mask)]);
  }
}

void LinearModel::Score(absl::Span<const uint64_t> keys, float* scores) const {
  if (!narrow_.empty()) {
    ScoreNarrow(keys, scores);
  } else if (!table_.empty()) {
    ScoreWide(keys, scores);
  }
}

void LinearModel::ScoreWide(absl::Span<const uint64_t> keys, float* scores) const {
  // Touch all slots of a batch, then find them and touch their cells, then
  // add.
  const Slot* found[kBatch];
  const size_t mask = table_.size() - 1;
  for (size_t begin = 0; begin < keys.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, keys.size() - begin);
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&table_[SlotOf(keys[begin + i], mask)]);
    for (size_t i = 0; i < n; ++i) {
      found[i] = FindSlot(table_, keys[begin + i]);
      if (found[i] == nullptr) continue;
      if (found[i]->dense != 0) {
        const char* row = reinterpret_cast<const char*>(DenseRow(*found[i]));
        for (size_t b = 0; b < dense_stride_ * 2; b += 64) __builtin_prefetch(row + b);
      } else {
        __builtin_prefetch(&cells_[found[i]->first]);
      }
    }
    for (size_t i = 0; i < n; ++i) {
      if (found[i] == nullptr) continue;
      if (found[i]->dense != 0) {
        AddDense(DenseRow(*found[i]), classes_.size(), scores);
        continue;
      }
      const PackedCell* cell = &cells_[found[i]->first];
      for (uint32_t j = 0; j < found[i]->count; ++j) {
        scores[cell[j].cls] += FromBfloat16(cell[j].weight);
      }
    }
  }
}

void LinearModel::ScoreNarrow(absl::Span<const uint64_t> keys, float* scores) const {
  const size_t mask = narrow_.size() - 1;
  const int classes = num_classes();
  // The sums stay in registers until the last key: added in scores[], each
  // addition waited for the previous one's store to be read back, a chain
  // through memory the length of the feature list. Each class is still
  // summed in key order, so the floats are the same. A model of fewer
  // classes has kAbsent (-0.0f) in the unused lanes, never stored.
  float sum[kNarrowClasses];
  for (int c = 0; c < kNarrowClasses; ++c) sum[c] = c < classes ? scores[c] : 0.0f;
  for (size_t begin = 0; begin < keys.size(); begin += kBatch) {
    const size_t n = std::min(kBatch, keys.size() - begin);
    for (size_t i = 0; i < n; ++i) __builtin_prefetch(&narrow_[SlotOf(keys[begin + i], mask)]);
    for (size_t i = 0; i < n; ++i) {
      const NarrowSlot* slot = FindSlot(narrow_, keys[begin + i]);
      if (slot == nullptr) continue;
      // Absent classes add -0.0f: no change, and no branch.
      for (int c = 0; c < kNarrowClasses; ++c) sum[c] += FromBfloat16(slot->weight[c]);
    }
  }
  for (int c = 0; c < classes; ++c) scores[c] = sum[c];
}

int LinearModel::Best(absl::Span<const uint64_t> keys, float* scores,
                      absl::Span<const bool> allowed) const {
  std::fill(scores, scores + num_classes(), 0.0f);
  Score(keys, scores);
  int best = -1;
  for (int c = 0; c < num_classes(); ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

LinearModel LinearModel::Pruned(float min_weight) const {
  std::vector<Row> rows;
  ForEachFeature([&](uint64_t key, const PackedCell* cells, size_t count) {
    Row row{key, {}};
    for (size_t j = 0; j < count; ++j) {
      const float weight = FromBfloat16(cells[j].weight);
      if (std::fabs(weight) >= min_weight) row.cells.push_back(Cell{cells[j].cls, weight});
    }
    if (!row.cells.empty()) rows.push_back(std::move(row));
  });
  return LinearModel(classes_, metadata_, std::move(rows));
}

int LinearModel::ClassIndex(absl::string_view name) const {
  for (size_t i = 0; i < classes_.size(); ++i) {
    if (classes_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string LinearModel::Meta(absl::string_view key) const {
  auto it = metadata_.find(std::string(key));
  return it == metadata_.end() ? "" : it->second;
}

absl::Status LinearModel::Save(const std::string& path) const {
  struct Feature {
    uint64_t key;
    std::vector<PackedCell> cells;
  };
  std::vector<Feature> features;
  features.reserve(num_features_);
  ForEachFeature([&](uint64_t key, const PackedCell* cells, size_t count) {
    features.push_back(Feature{key, std::vector<PackedCell>(cells, cells + count)});
  });
  std::sort(features.begin(), features.end(),
            [](const Feature& a, const Feature& b) { return a.key < b.key; });
  Writer w;
  w.PutBytes(absl::string_view(kMagic, kMagicSize));
  w.Put<uint32_t>(static_cast<uint32_t>(classes_.size()));
  for (const std::string& c : classes_) w.PutString(c);
  w.Put<uint32_t>(static_cast<uint32_t>(metadata_.size()));
  for (const auto& [k, v] : metadata_) {
    w.PutString(k);
    w.PutString(v);
  }
  w.Put<uint32_t>(static_cast<uint32_t>(features.size()));
  w.Put<uint32_t>(static_cast<uint32_t>(num_cells_));
  for (const Feature& feature : features) {
    w.Put<uint64_t>(feature.key);
    w.Put<uint16_t>(static_cast<uint16_t>(feature.cells.size()));
  }
  for (const Feature& feature : features) {
    for (const PackedCell& cell : feature.cells) {
      w.Put<uint16_t>(cell.cls);
      w.Put<uint16_t>(cell.weight);
    }
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
  out.close();
  if (!out) return absl::InternalError(absl::StrCat("cannot write ", path));
  return absl::OkStatus();
}

absl::StatusOr<LinearModel> LinearModel::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open model ", path));
  std::string data(static_cast<size_t>(in.tellg()), '\0');
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  if (!in) return absl::DataLossError(absl::StrCat("model ", path, ": cannot read"));
  auto corrupt = [&path](absl::string_view what) {
    return absl::DataLossError(absl::StrCat("model ", path, ": ", what));
  };
  if (data.size() < kMagicSize || data.compare(0, kMagicSize, kMagic) != 0) {
    return corrupt("not a claims model file");
  }
  Reader r(absl::string_view(data).substr(kMagicSize));
  uint32_t num_classes = 0, num_meta = 0, num_features = 0, num_cells = 0;
  if (!r.Get(&num_classes) || num_classes == 0 || num_classes > 65535) {
    return corrupt("bad class count");
  }
  std::vector<std::string> classes(num_classes);
  for (std::string& c : classes) {
    if (!r.GetString(&c)) return corrupt("truncated class names");
  }
  std::map<std::string, std::string> metadata;
  if (!r.Get(&num_meta)) return corrupt("truncated metadata");
  for (uint32_t i = 0; i < num_meta; ++i) {
    std::string k, v;
    if (!r.GetString(&k) || !r.GetString(&v)) return corrupt("truncated metadata");
    metadata[k] = v;
  }
  if (!r.Get(&num_features) || !r.Get(&num_cells)) return corrupt("truncated header");
  if (r.remaining() != uint64_t{num_features} * 10 + uint64_t{num_cells} * 4) {
    return corrupt("size does not match its header");
  }
  // Straight into the table and cells: a large model has a million
  // features, and a vector per feature would cost more than the model.
  LinearModel model;
  model.classes_ = std::move(classes);
  model.metadata_ = std::move(metadata);
  size_t size = 16;
  while (size * 3 < uint64_t{num_features} * 4) size <<= 1;
  model.table_ = LargeArray<Slot>(size);
  const size_t mask = size - 1;
  uint64_t first = 0, previous = 0;
  for (uint32_t i = 0; i < num_features; ++i) {
    uint64_t key = 0;
    uint16_t count = 0;
    r.Get(&key);
    r.Get(&count);
    if (i > 0 && key <= previous) return corrupt("features out of order");
    previous = key;
    if (count == 0) return corrupt("a feature without weights");
    size_t slot = SlotOf(key, mask);
    while (model.table_[slot].count != 0) slot = (slot + 1) & mask;
    model.table_[slot] = Slot{key, static_cast<uint32_t>(first), count, 0};
    first += count;
  }
  if (first != num_cells) return corrupt("cell count mismatch");
  model.cells_ = LargeArray<PackedCell>(num_cells);
  for (PackedCell& cell : model.cells_) {
    r.Get(&cell.cls);
    r.Get(&cell.weight);
    if (cell.cls >= model.classes_.size()) return corrupt("class index out of range");
  }
  model.num_features_ = num_features;
  model.num_cells_ = num_cells;
  model.FinishLayout();
  return model;
}

}  // namespace claims::learn
