package org.ccrhub.plans.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressFormPublicTextTests {

  @Test
  void thePublicTextIsSavedOnlyWhenThePersonChangedIt() {
    ProgressForm form = new ProgressForm();
    form.setPublicTextSeen("Work with schools continues.");
    form.setPublicText("Work with schools continues.");
    assertThat(form.publicTextChanged()).as("untouched: words changed meanwhile stay").isFalse();
    form.setPublicText("Work with ten schools continues.");
    assertThat(form.publicTextChanged()).isTrue();
    form.setPublicText("");
    assertThat(form.publicTextChanged()).as("emptied on purpose").isTrue();
  }

  @Test
  void aFormThatSentNoPublicTextLeavesItAloneAndOneThatDidNotSayWhatItShowedSavesIt() {
    ProgressForm form = new ProgressForm();
    assertThat(form.publicTextChanged()).isFalse();
    form.setPublicText("Work with schools continues.");
    assertThat(form.publicTextChanged()).isTrue();
  }
}
