package dev.nightshift.inbox.extraction.text.vocabulary;

/** The languages whose labels the text parser knows. */
public enum Language {
  ENGLISH,
  GERMAN,
  FRENCH,
  SPANISH,
  SWEDISH,
  DUTCH
}
