from typing import Annotated

from pydantic import BaseModel, Field

# A row id as the API accepts it: positive and within a 64-bit key (a larger number names nothing).
Id = Annotated[int, Field(ge=1, le=2**63 - 1)]


class RefreshIn(BaseModel):
    refresh_token: str = Field(..., min_length=1, max_length=256)
