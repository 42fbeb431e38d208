package dev.nightshift.inbox.corpus;

import java.util.ArrayList;
import java.util.List;

/** An A4 page as positioned lines of text, in points from the top left. */
final class Page {

  static final float WIDTH = 595;
  static final float HEIGHT = 842;

  record Text(float x, float y, float size, boolean bold, String text, boolean alignRight) {}

  private final List<Text> texts = new ArrayList<>();

  void left(float x, float y, float size, boolean bold, String text) {
    texts.add(new Text(x, y, size, bold, text, false));
  }

  /** Text whose right edge is at x, as amounts in a column. */
  void right(float x, float y, float size, boolean bold, String text) {
    texts.add(new Text(x, y, size, bold, text, true));
  }

  List<Text> texts() {
    return List.copyOf(texts);
  }
}
