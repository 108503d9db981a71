/*
 * select2's Lao messages for Django's autocomplete widgets, which load
 * "i18n/<lang>.js" after select2 (lao_moha.language registers "lo" in
 * SELECT2_TRANSLATIONS). The texts themselves are in
 * lao_moha/js/desk-language.js, loaded on every desk page before this.
 */
"use strict";
(function () {
  const jq = window.django && window.django.jQuery;
  const messages = window.laoMohaSelect2Messages;
  if (jq && jq.fn.select2 && messages) {
    jq.fn.select2.amd.define("select2/i18n/lo", [], () => messages.lo);
  }
})();
