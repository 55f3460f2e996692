from pydantic import BaseModel, Field


class RefreshIn(BaseModel):
    refresh_token: str = Field(..., min_length=1, max_length=256)
