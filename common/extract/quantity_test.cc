#include "common/extract/quantity.h"

#include <string>

#include "gtest/gtest.h"

namespace claims {
namespace {

// "value unit comparator [text]", or "-" when there is no quantity.
std::string Q(const std::string& sentence) {
  auto q = FindQuantity(sentence);
  if (!q) return "-";
  return std::to_string(static_cast<long long>(q->value())) + " " + q->unit() +
         " " + q->comparator() + " [" + q->text() + "]";
}

TEST(QuantityTest, UnitsCurrenciesScalesAndComparators) {
  EXPECT_EQ(Q("Over 70 per cent of voters agreed."), "70 percent > [Over 70 per cent]");
  EXPECT_EQ(Q("It costs over $5 billion a year."), "5000000000 USD > [over $5 billion]");
  EXPECT_EQ(Q("US$5 million was paid"), "5000000 USD = [US$5 million]");
  // A sign after a space: no word boundary before "$".
  EXPECT_EQ(Q("The plan costs $5 billion."), "5000000000 USD = [$5 billion]");
  EXPECT_EQ(Q("Aid of €40 million arrived."), "40000000 EUR = [€40 million]");
  EXPECT_EQ(Q("about 300 people fled"), "300 people ~ [about 300 people]");
  EXPECT_EQ(Q("up to 2.5 million barrels"), "2500000 barrels <= [up to 2.5 million barrels]");
  EXPECT_EQ(Q("Turnout was 45%."), "45 percent = [45%]");
}

TEST(QuantityTest, NumbersWithoutUnitsAreNotQuantities) {
  EXPECT_EQ(Q("No numbers at all."), "-");
  EXPECT_EQ(Q("LONDON 1996-08-30"), "-");
  EXPECT_EQ(Q("Leicestershire beat Somerset 3-1 on Friday."), "-");
  EXPECT_EQ(Q("The A380 flew 300km."), "300 km = [300km]");  // not "380"
  EXPECT_EQ(Q("He is 45 years old."), "-");  // ages without a cue
  // The first number has no unit; a later one does.
  EXPECT_EQ(Q("In 2024, 12 soldiers died."), "12 soldiers = [12 soldiers]");
  EXPECT_EQ(Q("At least 5 years passed."), "5 years >= [At least 5 years]");
  // A year before a plural, a span of time and a multiplier count nothing.
  EXPECT_EQ(Q("Turnout in the 2024 elections fell."), "-");
  EXPECT_EQ(Q("The talks lasted 3 days."), "-");
  EXPECT_EQ(Q("Prices rose 10 times faster."), "-");
  EXPECT_EQ(Q("He made 3 mentions of it."), "3 mentions = [3 mentions]");
}

TEST(QuantityTest, AnyPluralNounIsAUnit) {
  EXPECT_EQ(Q("Toyota recalled 1 million vehicles."), "1000000 vehicles = [1 million vehicles]");
  EXPECT_EQ(Q("Fires burned over 500 hectares."), "500 hectares > [over 500 hectares]");
  EXPECT_EQ(Q("Police arrested 12 men."), "12 men = [12 men]");
  EXPECT_EQ(Q("About 2000 soldiers left."), "2000 soldiers ~ [About 2000 soldiers]");
}

}  // namespace
}  // namespace claims
