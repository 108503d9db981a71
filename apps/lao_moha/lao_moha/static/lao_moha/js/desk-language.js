/*
 * Desk pages in the reader's language and the bundled fonts.
 *
 * 1. Charts (Chart.js draws on a canvas, outside CSS) use the Lao font
 *    stack; they are redrawn once the web fonts have loaded.
 *
 * 2. Lao and Vietnamese messages for the select2 search boxes.
 *
 * select2 (bundled with Django's admin) ships no Lao file, and unfold's own
 * select2 widgets load no language file at all, so "No results found" and
 * "Searching…" stayed English. select2 looks up the module
 * "select2/i18n/<lang>" for the page's <html lang>; the modules are defined
 * here, once the page's scripts are loaded and before any box is built
 * (this listener is registered in <head>, before jQuery's ready handlers).
 */
"use strict";
function chartsInLaoFont() {
  const Chart = window.Chart;
  const stack = getComputedStyle(document.documentElement)
    .getPropertyValue("--lao-moha-font")
    .trim();
  if (!Chart || !stack) {
    return;
  }
  Chart.defaults.font.family = stack;
  // A canvas does not make the browser fetch a font: ask for the Lao face,
  // then redraw the charts drawn meanwhile with a fallback font.
  document.fonts
    .load('16px "Noto Sans Lao"', "ກ")
    .then(() => document.fonts.ready)
    .then(() => {
      Object.values(Chart.instances).forEach((chart) => {
        chart.options.font = { ...chart.options.font, family: stack };
        chart.update();
      });
    });
}

document.addEventListener("DOMContentLoaded", chartsInLaoFont);
window.laoMohaSelect2Messages = {
  lo: {
    errorLoading: () => "ບໍ່ສາມາດໂຫຼດຜົນໄດ້.",
    inputTooLong: (a) => "ກະລຸນາລຶບອອກ " + (a.input.length - a.maximum) + " ຕົວອັກສອນ",
    inputTooShort: (a) => "ກະລຸນາປ້ອນອີກຢ່າງໜ້ອຍ " + (a.minimum - a.input.length) + " ຕົວອັກສອນ",
    loadingMore: () => "ກຳລັງໂຫຼດຜົນເພີ່ມເຕີມ…",
    maximumSelected: (a) => "ເລືອກໄດ້ບໍ່ເກີນ " + a.maximum + " ລາຍການ",
    noResults: () => "ບໍ່ພົບຜົນການຄົ້ນຫາ",
    searching: () => "ກຳລັງຄົ້ນຫາ…",
    removeAllItems: () => "ລຶບອອກທັງໝົດ",
  },
  vi: {
    errorLoading: () => "Không thể tải kết quả.",
    inputTooLong: (a) => "Vui lòng xóa bớt " + (a.input.length - a.maximum) + " ký tự",
    inputTooShort: (a) => "Vui lòng nhập thêm ít nhất " + (a.minimum - a.input.length) + " ký tự",
    loadingMore: () => "Đang tải thêm kết quả…",
    maximumSelected: (a) => "Chỉ được chọn tối đa " + a.maximum + " mục",
    noResults: () => "Không tìm thấy kết quả",
    searching: () => "Đang tìm…",
    removeAllItems: () => "Xóa tất cả",
  },
};

document.addEventListener("DOMContentLoaded", function () {
  const jq = window.django && window.django.jQuery;
  const amd = jq && jq.fn && jq.fn.select2 && jq.fn.select2.amd;
  if (!amd) {
    return;
  }
  for (const [code, texts] of Object.entries(window.laoMohaSelect2Messages)) {
    // A module already defined (Django's vi.js, our lo.js) is kept.
    amd.define("select2/i18n/" + code, [], () => texts);
  }
});
