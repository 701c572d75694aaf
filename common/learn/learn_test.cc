#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/learn/features.h"
#include "common/learn/linear_model.h"
#include "common/learn/perceptron.h"
#include "common/testing/scratch.h"
#include "gtest/gtest.h"

namespace claims::learn {
namespace {

// Model files store hashed keys: the hash must never change.
TEST(FeaturesTest, HashIsStable) {
  EXPECT_EQ(HashString(""), HashString(""));
  EXPECT_NE(HashString("a"), HashString("b"));
  EXPECT_EQ(HashString("netanyahu"), 8333754418913693477ULL);
  FeatureVector f;
  f.Add(1, HashString("x"));
  f.Add(1, HashString("x"));
  f.Add(2, HashString("x"));
  f.Add(1, HashString("x"), HashString("y"));
  ASSERT_EQ(f.size(), 4u);
  EXPECT_EQ(f.keys()[0], f.keys()[1]);
  EXPECT_NE(f.keys()[0], f.keys()[2]);
  EXPECT_NE(f.keys()[0], f.keys()[3]);
}

// Toy task: the class is the word's first letter; one distractor feature
// is shared by every example.
std::vector<std::pair<std::vector<uint64_t>, int>> ToyData() {
  std::vector<std::pair<std::vector<uint64_t>, int>> data;
  const char* words[] = {"apple", "avocado", "banana", "blueberry", "cherry", "cranberry"};
  for (const char* w : words) {
    FeatureVector f;
    f.Add(1, HashString(std::string(1, w[0])));
    f.Add(2, HashString(w));
    f.Add(3, 0);
    data.emplace_back(std::vector<uint64_t>(f.keys().begin(), f.keys().end()), (w[0] - 'a'));
  }
  return data;
}

LinearModel TrainToy() {
  AveragedPerceptron p(3);
  for (int epoch = 0; epoch < 5; ++epoch) {
    for (const auto& [keys, truth] : ToyData()) {
      float scores[3] = {0, 0, 0};
      p.Score(keys, scores);
      const int guess = static_cast<int>(std::max_element(scores, scores + 3) - scores);
      p.Update(keys, truth, guess);
      p.Tick();
    }
  }
  return p.Average({"a", "b", "c"}, {{"features", "toy-1"}}, Pruning{});
}

TEST(PerceptronTest, LearnsASeparableTask) {
  const LinearModel model = TrainToy();
  for (const auto& [keys, truth] : ToyData()) {
    float scores[3];
    EXPECT_EQ(model.Best(keys, scores), truth);
  }
  // Unseen word, known first letter.
  FeatureVector f;
  f.Add(1, HashString("b"));
  f.Add(2, HashString("bilberry"));
  float scores[3];
  EXPECT_EQ(model.Best(f.keys(), scores), 1);
  // `allowed` restricts the choice.
  const bool allowed[3] = {true, false, true};
  EXPECT_NE(model.Best(f.keys(), scores, absl::MakeConstSpan(allowed, 3)), 1);
}

TEST(PerceptronTest, AverageDropsSmallWeights) {
  const LinearModel all = TrainToy();
  AveragedPerceptron p(2);
  FeatureVector f;
  f.Add(1, 1);
  p.Update(f.keys(), 0, 1);
  for (int i = 0; i < 999; ++i) p.Tick();
  // One update at the start of 1000 examples: averaged weight ~ +-1.
  EXPECT_EQ(p.Average({"x", "y"}, {}, Pruning{0.5f, 1}).num_cells(), 2u);
  EXPECT_EQ(p.Average({"x", "y"}, {}, Pruning{5.0f, 1}).num_cells(), 0u);
  EXPECT_EQ(p.Average({"x", "y"}, {}, Pruning{0.0f, 2}).num_cells(), 0u);
  EXPECT_GT(all.num_features(), 0u);
}

// Runs after Restart average with the runs before: two runs of equal
// length give the mean of the two runs' averaged weights.
TEST(PerceptronTest, RestartAveragesIndependentRuns) {
  FeatureVector f;
  f.Add(1, 1);
  auto run = [&](AveragedPerceptron* p, int truth, int ticks) {
    p->Update(f.keys(), truth, 1 - truth);
    for (int i = 0; i < ticks; ++i) p->Tick();
  };
  AveragedPerceptron both(2), first(2), second(2);
  run(&both, 0, 100);
  both.Restart();
  run(&both, 1, 100);
  run(&first, 0, 100);
  run(&second, 1, 100);
  float s_both[2] = {0, 0}, s_first[2] = {0, 0}, s_second[2] = {0, 0};
  both.Average({"x", "y"}, {}, Pruning{}).Score(f.keys(), s_both);
  first.Average({"x", "y"}, {}, Pruning{}).Score(f.keys(), s_first);
  second.Average({"x", "y"}, {}, Pruning{}).Score(f.keys(), s_second);
  for (int c = 0; c < 2; ++c) {
    EXPECT_NEAR(s_both[c], (s_first[c] + s_second[c]) / 2, 0.02f) << c;
  }
  // The current weights start again from zero: only the second run's.
  float current[2] = {0, 0};
  both.Score(f.keys(), current);
  EXPECT_FLOAT_EQ(current[0], -1.0f);
  EXPECT_FLOAT_EQ(current[1], 1.0f);
}

// Classes that are not exclusive (topics of a sentence): each class is
// trained on its own, positive above zero, with Adjust.
TEST(PerceptronTest, AdjustLearnsClassesThatCanHoldTogether) {
  // Features: word ids. Class 0 "sport" for words 1 and 3, class 1 "money"
  // for words 2 and 3 (word 3: "transfer fee", both).
  const std::vector<std::pair<uint64_t, std::vector<bool>>> data = {
      {1, {true, false}}, {2, {false, true}}, {3, {true, true}}, {4, {false, false}}};
  AveragedPerceptron p(2);
  FeatureVector f;
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (const auto& [word, gold] : data) {
      f.clear();
      f.Add(1, word);
      f.Add(2, 0);  // bias
      float scores[2] = {0, 0};
      p.Score(f.keys(), scores);
      for (int c = 0; c < 2; ++c) {
        const float y = gold[c] ? 1.0f : -1.0f;
        if (y * scores[c] <= 0) p.Adjust(f.keys(), c, y);
      }
      p.Tick();
    }
  }
  const LinearModel model = p.Average({"sport", "money"}, {}, Pruning{});
  for (const auto& [word, gold] : data) {
    f.clear();
    f.Add(1, word);
    f.Add(2, 0);
    float scores[2] = {0, 0};
    model.Score(f.keys(), scores);
    for (int c = 0; c < 2; ++c) EXPECT_EQ(scores[c] > 0, gold[c]) << word << " " << c;
  }
}

TEST(LinearModelTest, SaveLoadRoundTrip) {
  const LinearModel model = TrainToy();
  const std::string path = ScratchPath("toy.clm");
  ASSERT_TRUE(model.Save(path).ok());
  absl::StatusOr<LinearModel> loaded = LinearModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->classes(), model.classes());
  EXPECT_EQ(loaded->Meta("features"), "toy-1");
  EXPECT_EQ(loaded->Meta("missing"), "");
  EXPECT_EQ(loaded->ClassIndex("c"), 2);
  EXPECT_EQ(loaded->num_features(), model.num_features());
  for (const auto& [keys, truth] : ToyData()) {
    float a[3] = {0, 0, 0}, b[3] = {0, 0, 0};
    model.Score(keys, a);
    loaded->Score(keys, b);
    // Stored as bfloat16: within 0.4 % of the trained weights.
    for (int c = 0; c < 3; ++c) EXPECT_NEAR(a[c], b[c], 0.01f * std::abs(a[c]) + 1e-6f);
  }
  std::filesystem::remove(path);
}

// A model of at most three classes keeps its weights in the hash table
// (one cache miss a lookup); its scores must equal, bit for bit, those of
// the sparse layout that larger models use.
TEST(LinearModelTest, NarrowLayoutScoresExactlyAsSparse) {
  std::vector<LinearModel::Row> rows;
  for (uint64_t key = 1; key <= 300; ++key) {
    LinearModel::Row row{key * 0x9e3779b97f4a7c15ULL, {}};
    for (uint16_t c = 0; c < 3; ++c) {
      if ((key + c) % 3 == 0) continue;  // every feature misses a class
      row.cells.push_back({c, static_cast<float>((key * 7 + c * 13) % 17) / 3.0f - 2.5f});
    }
    rows.push_back(row);
  }
  const LinearModel narrow({"a", "b", "c"}, {}, rows);
  const LinearModel sparse({"a", "b", "c", "unused"}, {}, rows);
  const std::string path = ScratchPath("narrow.clm");
  ASSERT_TRUE(narrow.Save(path).ok());
  absl::StatusOr<LinearModel> loaded = LinearModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  EXPECT_EQ(loaded->num_cells(), narrow.num_cells());
  EXPECT_EQ(narrow.num_cells(), sparse.num_cells());
  const LinearModel pruned = narrow.Pruned(0.0f);
  for (uint64_t start = 0; start < 280; start += 7) {
    std::vector<uint64_t> keys;
    for (uint64_t key = start; key < start + 90; key += 3) {
      keys.push_back(key * 0x9e3779b97f4a7c15ULL);  // known, and unknown from 301
    }
    float a[3] = {0, 0, 0}, b[4] = {0, 0, 0, 0}, c[3] = {0, 0, 0}, d[3] = {0, 0, 0};
    narrow.Score(keys, a);
    sparse.Score(keys, b);
    loaded->Score(keys, c);
    pruned.Score(keys, d);
    for (int k = 0; k < 3; ++k) {
      EXPECT_EQ(a[k], b[k]) << "class " << k;
      EXPECT_EQ(a[k], c[k]) << "class " << k;
      EXPECT_EQ(a[k], d[k]) << "class " << k;
    }
  }
  std::filesystem::remove(path);
}

// Features with weights for many classes are added as dense rows (vector
// additions); the scores must equal, bit for bit, cell-by-cell sums in
// feature order, as with the sparse layout.
TEST(LinearModelTest, DenseRowsScoreExactlyAsCells) {
  constexpr int kClasses = 45;  // not a multiple of the vector width
  std::vector<LinearModel::Row> rows;
  for (uint64_t key = 1; key <= 200; ++key) {
    LinearModel::Row row{key * 0x9e3779b97f4a7c15ULL, {}};
    // Every third feature dense (most classes), the rest sparse.
    const int stride = key % 3 == 0 ? 1 : 7;
    for (int c = static_cast<int>(key % 5); c < kClasses; c += stride) {
      // Multiples of 1/64 below 4: exact in bfloat16, so the reference
      // below can add the very values the model stores.
      const float w = static_cast<float>(static_cast<int>((key * 37 + c * 11) % 255) - 127) / 64.0f;
      row.cells.push_back({static_cast<uint16_t>(c), w});
    }
    rows.push_back(row);
  }
  const LinearModel model(std::vector<std::string>(kClasses, "c"), {}, rows);
  const std::string path = ScratchPath("dense.clm");
  ASSERT_TRUE(model.Save(path).ok());
  absl::StatusOr<LinearModel> loaded = LinearModel::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status();
  for (uint64_t start = 1; start < 200; start += 13) {
    std::vector<uint64_t> keys;
    float want[kClasses] = {};
    for (uint64_t key = start; key < start + 150; key += 2) {  // some unknown
      keys.push_back(key * 0x9e3779b97f4a7c15ULL);
      if (key > rows.size()) continue;
      for (const auto& cell : rows[key - 1].cells) want[cell.cls] += cell.weight;
    }
    float got[kClasses] = {}, got_loaded[kClasses] = {};
    model.Score(keys, got);
    loaded->Score(keys, got_loaded);
    for (int c = 0; c < kClasses; ++c) {
      EXPECT_EQ(got[c], want[c]) << "class " << c;
      EXPECT_EQ(got_loaded[c], want[c]) << "class " << c;
    }
  }
  std::filesystem::remove(path);
}

TEST(LinearModelTest, RejectsBrokenFiles) {
  EXPECT_EQ(LinearModel::Load("/nonexistent/model.clm").status().code(),
            absl::StatusCode::kNotFound);
  const std::string path = ScratchPath("broken.clm");
  ASSERT_TRUE(TrainToy().Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  for (size_t cut : {size_t{3}, size_t{20}, bytes.size() - 1}) {
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), cut);
    EXPECT_EQ(LinearModel::Load(path).status().code(), absl::StatusCode::kDataLoss)
        << "cut at " << cut;
  }
  std::string bad = bytes;
  bad[0] = 'X';
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bad.data(), bad.size());
  EXPECT_EQ(LinearModel::Load(path).status().code(), absl::StatusCode::kDataLoss);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace claims::learn
