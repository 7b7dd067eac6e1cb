"""API authentication: tokens for username and password, and who am I."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import authenticate
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.authtoken.models import Token
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.accounts.backends import login_attempt_record, login_lock_minutes_left
from loket.accounts.models import User
from loket.apiconf import ERROR, ErrorSerializer, error_response

app_name = "accounts-api"


class TokenRequestSerializer(serializers.Serializer):
    username = serializers.CharField(label=gettext_lazy("gebruikersnaam"), max_length=150)
    password = serializers.CharField(
        label=gettext_lazy("wachtwoord"), style={"input_type": "password"}, trim_whitespace=False
    )


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField()


class DistrictRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    full_name = serializers.CharField(source="get_full_name")
    role = serializers.CharField()
    district = DistrictRefSerializer(allow_null=True)


def locked_response(minutes: int) -> Response:
    return error_response(
        code="locked",
        message=_("Te veel mislukte pogingen; probeer opnieuw over %(minutes)d minuten.") % {"minutes": minutes},
        details={"retry_after_minutes": minutes},
        status=status.HTTP_429_TOO_MANY_REQUESTS,
        headers={"Retry-After": str(minutes * 60)},
    )


class TokenView(APIView):
    """Get an API token with username and password (POST) or revoke your own (DELETE)."""

    rule = rules.PUBLIC

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            400: ERROR,
            429: OpenApiResponse(ErrorSerializer, description="Account vergrendeld."),
        },
        auth=[],
    )
    def post(self, request: Request) -> Response:
        data = TokenRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        username = data.validated_data["username"]
        minutes = login_lock_minutes_left(username)
        if minutes:
            login_attempt_record(username=username, user=None, request=request._request, locked=True)
            return locked_response(minutes)
        user = authenticate(request._request, username=username, password=data.validated_data["password"])
        if user is None or not user.is_active:
            raise exceptions.ValidationError(
                {"non_field_errors": [_("De gebruikersnaam of het wachtwoord klopt niet.")]}
            )
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key})

    @extend_schema(request=None, responses={204: None, 401: ERROR})
    def delete(self, request: Request) -> Response:
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated()
        Token.objects.filter(user=request.user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    """The signed-in user: name, role and, for district roles, the district."""

    rule = rules.AUTHENTICATED

    @extend_schema(responses={200: MeSerializer, 401: ERROR})
    def get(self, request: Request) -> Response:
        user: User = request.user  # type: ignore[assignment]
        return Response(MeSerializer(user).data)


urlpatterns: list[Any] = [
    path("auth/token/", TokenView.as_view(), name="token"),
    path("me/", MeView.as_view(), name="me"),
]
