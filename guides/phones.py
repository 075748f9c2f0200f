"""Chinese phone numbers: validated with `phonenumbers`, plus an explicit list of the short
service numbers it does not know (a wrong digit in a hotline sends a frightened caller
nowhere, so nothing passes on looks alone)."""

from __future__ import annotations

import re

import phonenumbers

# Short service numbers valid nationwide, dialled as they are.
SHORT_NUMBERS: dict[str, str] = {
    "110": "报警 Police",
    "119": "火警 Fire",
    "120": "急救 Ambulance",
    "122": "交通事故 Traffic accidents",
    "12345": "政务服务便民热线 Citizen service hotline",
    "12320": "卫生健康热线 Public health hotline",
    "12356": "心理援助热线 Psychological assistance hotline",
    "12315": "消费者投诉 Consumer complaints",
    "12338": "妇女维权 Women's rights",
    "12349": "养老服务 Elderly services",
    "12355": "青少年服务 Youth services",
    "12333": "人社服务 Employment and social security",
    "12348": "法律援助 Legal aid",
    "12319": "城建服务 Urban services",
    "12309": "检察服务 Procuratorate",
    "12366": "纳税服务 Tax services",
}

SEPARATORS = re.compile(r"[\s\-().（）]")


def normalise(number: str) -> str:
    return SEPARATORS.sub("", str(number))


def is_valid_chinese_number(number: str) -> bool:
    digits = normalise(number)
    if digits in SHORT_NUMBERS:
        return True
    if not re.fullmatch(r"\+?\d{3,20}", digits):
        return False
    try:
        parsed = phonenumbers.parse(digits, "CN")
    except phonenumbers.NumberParseException:
        return False
    return (phonenumbers.is_valid_number(parsed)
            and phonenumbers.region_code_for_number(parsed) == "CN")
