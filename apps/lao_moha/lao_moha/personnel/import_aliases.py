"""Headings and values met in provincial spreadsheets, for the importer.

The Lao wording comes from civil-service forms in common use; it is not
an official vocabulary and MoHA staff may add spellings here.
"""

OFFICIAL_HEADINGS = {
    "civil_service_no": ("ລະຫັດລັດຖະກອນ", "ເລກລັດຖະກອນ", "ເລກປະຈຳຕົວລັດຖະກອນ",
                         "civil service no", "civil service number", "csn"),
    "name_lo": ("ຊື່ ແລະ ນາມສະກຸນ", "ຊື່-ນາມສະກຸນ", "ຊື່ ນາມສະກຸນ", "ຊື່ແລະນາມສະກຸນ",
                "ຊື່ ແລະ ນາມສະກຸນ (ລາວ)", "name", "full name", "name (Lao)"),
    "name_latin": ("ຊື່ ແລະ ນາມສະກຸນ (ອັງກິດ)", "ຊື່ພາສາອັງກິດ", "name (Latin)",
                   "English name", "name in Latin"),
    "other_names": ("ຊື່ອື່ນ",),
    "gender": ("ເພດ", "sex"),
    "date_of_birth": ("ວັນເດືອນປີເກີດ", "ວັນ ເດືອນ ປີ ເກີດ", "ວ/ດ/ປ ເກີດ", "ວດປເກີດ",
                      "birth date", "date of birth", "dob"),
    "national_id": ("ເລກບັດປະຈຳຕົວ", "ບັດປະຈຳຕົວ", "id card", "national id"),
    "category": ("ປະເພດ", "ປະເພດພະນັກງານ", "category code"),
    "unit": ("ລະຫັດຫົວໜ່ວຍ", "ຫົວໜ່ວຍ", "ລະຫັດພາກສ່ວນ", "unit code", "unit"),
    "position": ("ຕຳແໜ່ງ", "ລະຫັດຕຳແໜ່ງ", "position code"),
    "grade": ("ຊັ້ນ", "ຊັ້ນເງິນເດືອນ"),
    "step": ("ຂັ້ນ", "ຂັ້ນເງິນເດືອນ"),
    "entry_date": ("ວັນເຂົ້າລັດ", "ວັນເຂົ້າເຮັດວຽກ", "ວັນເດືອນປີເຂົ້າລັດ", "ວັນບັນຈຸ",
                   "entry date", "date of entry"),
    "status": ("ສະຖານະ",),
    "birth_place": ("ບ່ອນເກີດ", "ສະຖານທີ່ເກີດ"),
    "home_village": ("ບ້ານເດີມ",),
    "home_district": ("ເມືອງເດີມ", "ລະຫັດເມືອງເດີມ"),
    "home_province": ("ແຂວງເດີມ", "ລະຫັດແຂວງເດີມ"),
    "ethnicity": ("ຊົນເຜົ່າ", "ເຜົ່າ"),
    "religion": ("ສາສະໜາ",),
    "marital_status": ("ສະຖານະຄອບຄົວ",),
    "education_level": ("ລະດັບການສຶກສາ", "ວຸດທິການສຶກສາ", "ລະດັບວິຊາສະເພາະ"),
    "political_theory_level": ("ທິດສະດີການເມືອງ", "ລະດັບທິດສະດີ"),
    "it_level": ("ໄອທີ", "ຄອມພິວເຕີ"),
    "party_member_since": ("ວັນເຂົ້າພັກ",),
    "phone": ("ເບີໂທ", "ເບີໂທລະສັບ"),
    "email": ("ອີເມວ",),
}

OFFICIAL_VALUES = {
    "gender": {"ຊາຍ": "M", "ຍິງ": "F", "ຊ": "M", "ຍ": "F", "nam": "M", "nữ": "F"},
    "status": {"ປະຈຳການ": "active", "ພັກການ": "on_leave", "ບຳນານ": "retired",
               "ກິນເບັ້ຍບຳນານ": "retired", "ລາອອກ": "resigned", "ເສຍຊີວິດ": "deceased"},
    "marital_status": {"ໂສດ": "single", "ແຕ່ງງານ": "married", "ມີຄອບຄົວ": "married",
                       "ຢ່າຮ້າງ": "divorced", "ໝ້າຍ": "widowed"},
    "education_level": {
        "ປະຖົມ": "primary", "ມັດທະຍົມຕອນຕົ້ນ": "lower_secondary", "ມ.ຕົ້ນ": "lower_secondary",
        "ມັດທະຍົມຕອນປາຍ": "upper_secondary", "ມ.ປາຍ": "upper_secondary",
        "ຊັ້ນຕົ້ນ": "vocational_first", "ຊັ້ນກາງ": "vocational_middle",
        "ຊັ້ນສູງ": "high_diploma", "ປະລິນຍາຕີ": "bachelor", "ປ.ຕີ": "bachelor",
        "ປະລິນຍາໂທ": "master", "ປ.ໂທ": "master", "ປະລິນຍາເອກ": "doctorate",
        "ປ.ເອກ": "doctorate",
    },
    "political_theory_level": {"ບໍ່ມີ": "none", "ຊັ້ນຕົ້ນ": "elementary",
                               "ຊັ້ນກາງ": "intermediate", "ຊັ້ນສູງ": "advanced"},
    "it_level": {"ພື້ນຖານ": "basic", "ກາງ": "intermediate", "ສູງ": "advanced"},
}

SKILL_VALUES = {"ພື້ນຖານ": "basic", "ກາງ": "intermediate", "ສູງ": "advanced",
                "ຄ່ອງແຄ້ວ": "fluent", "ດີ": "advanced"}

# Headings shared by the records of an official's file.
RECORD_HEADINGS = {
    "official": ("ລະຫັດລັດຖະກອນ", "ເລກລັດຖະກອນ", "civil service no",
                 "civil service number", "csn"),
    "decision_no": ("ເລກທີຂໍ້ຕົກລົງ", "ເລກທີ", "ຂໍ້ຕົກລົງເລກທີ", "decision no"),
    "decision_date": ("ລົງວັນທີ", "ວັນທີຂໍ້ຕົກລົງ"),
    "effective_date": ("ວັນທີມີຜົນ", "ມີຜົນແຕ່ວັນທີ", "date"),
    "start_date": ("ແຕ່ວັນທີ", "ວັນເລີ່ມ", "from"),
    "end_date": ("ຫາວັນທີ", "ວັນສິ້ນສຸດ", "to"),
    "reason": ("ເຫດຜົນ",),
    "year": ("ປີ", "ສົກປີ"),
    "rating": ("ຜົນການປະເມີນ", "ລະດັບການປະເມີນ", "rating code"),
    "remarks": ("ຄຳເຫັນ",),
    "measure": ("ມາດຕະການ", "ວິໄນ", "measure code"),
    "from_unit": ("ຍົກຍ້າຍຈາກ", "ຈາກຫົວໜ່ວຍ", "from unit code"),
    "to_unit": ("ຍົກຍ້າຍໄປ", "ໄປຫົວໜ່ວຍ", "to unit code"),
    "unit": ("ລະຫັດຫົວໜ່ວຍ", "ຫົວໜ່ວຍ", "unit code"),
    "position": ("ຕຳແໜ່ງ", "ລະຫັດຕຳແໜ່ງ", "position code"),
    "grade": ("ຊັ້ນ", "ຊັ້ນເງິນເດືອນ"),
    "step": ("ຂັ້ນ", "ຂັ້ນເງິນເດືອນ"),
    "course": ("ຫຼັກສູດ", "ຊື່ຫຼັກສູດ"),
    "institution": ("ສະຖາບັນ", "ສະຖານທີ່ຮຽນ"),
    "country": ("ປະເທດ",),
    "certificate": ("ໃບຢັ້ງຢືນ", "ໃບປະກາດ"),
    "level": ("ລະດັບ",),
    "field_of_study": ("ສາຂາວິຊາ", "ສາຂາ"),
    "year_completed": ("ປີຈົບ", "ສົກຮຽນຈົບ"),
    "language": ("ພາສາ",),
    "relation": ("ສາຍພົວພັນ", "ກ່ຽວພັນເປັນ"),
    "name": ("ຊື່ ແລະ ນາມສະກຸນ", "ຊື່"),
    "birth_year": ("ປີເກີດ",),
    "occupation": ("ອາຊີບ",),
    "address": ("ທີ່ຢູ່",),
    "extended_until": ("ຕໍ່ອາຍຸຮອດ", "ຕໍ່ຮອດວັນທີ"),
    "status_to": ("ສະຖານະໃໝ່",),
    "status_from": ("ສະຖານະເກົ່າ",),
}

RELATION_VALUES = {"ພໍ່": "father", "ແມ່": "mother", "ເມຍ": "spouse", "ຜົວ": "spouse",
                   "ລູກ": "child", "ອ້າຍ": "sibling", "ເອື້ອຍ": "sibling", "ນ້ອງ": "sibling",
                   "ພໍ່ເຖົ້າ": "father_in_law", "ແມ່ເຖົ້າ": "mother_in_law"}


def record_headings(model):
    """The RECORD_HEADINGS entries that name fields of `model`."""
    names = {f.name for f in model._meta.get_fields()}
    return {name: aliases for name, aliases in RECORD_HEADINGS.items() if name in names}
