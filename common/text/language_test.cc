#include "common/text/language.h"

#include "gtest/gtest.h"

namespace claims::text {
namespace {

TEST(LanguageTest, DetectsEnglishFrenchAndSpanish) {
  DetectedLanguage en = DetectLanguage(
      "The European Union and China agreed on Tuesday to resume negotiations "
      "over tariffs on Chinese electric vehicles, according to officials in "
      "Brussels who spoke on condition of anonymity.");
  EXPECT_EQ(en.code, "en");
  EXPECT_EQ(en.name, "English");
  EXPECT_TRUE(en.reliable);

  DetectedLanguage fr = DetectLanguage(
      "Le gouvernement a annonc\u00e9 mardi une r\u00e9forme des retraites qui "
      "sera pr\u00e9sent\u00e9e au Parlement avant la fin de l'ann\u00e9e, "
      "selon le porte-parole du minist\u00e8re.");
  EXPECT_EQ(fr.code, "fr");
  EXPECT_EQ(fr.name, "French");
  EXPECT_TRUE(fr.reliable);

  DetectedLanguage es = DetectLanguage(
      "El Gobierno de Espa\u00f1a aprob\u00f3 el martes un plan para reducir "
      "el consumo de energ\u00eda en los edificios p\u00fablicos durante el "
      "invierno, seg\u00fan fuentes del ministerio.");
  EXPECT_EQ(es.code, "es");
  EXPECT_TRUE(es.reliable);
}

TEST(LanguageTest, NothingToGoOnIsUndetermined) {
  EXPECT_EQ(DetectLanguage("1234 5678").code, "und");
  EXPECT_FALSE(DetectLanguage("").reliable);
}

}  // namespace
}  // namespace claims::text
