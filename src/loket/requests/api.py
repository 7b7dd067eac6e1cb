"""The e-loket API: a service's form definition (public) and submitting a request.

``POST /api/v1/requests/``: a citizen submits for themself (channel ``online``); front-office
staff (FRONT_OFFICE) submit on a citizen's behalf with ``citizen`` (the citizen's user id, as
in the cases API) and ``channel`` ``phone`` or ``counter``. The answers are validated against
the service's active form definition exactly as the web form does. Documents are sent as
multipart parts named ``doc_<document name>`` (with ``data`` as a JSON text); they are checked
by content by the case engine (413 ``too_large``, 415 ``unsupported_media_type``).
"""

from __future__ import annotations

import json
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from loket.accounts import rules
from loket.accounts.models import Role, User
from loket.apiconf import ERROR, error_response
from loket.cases.models import Channel
from loket.cases.workflows import workflow_for
from loket.requests import selectors
from loket.requests.forms import answers_json, request_form_class
from loket.requests.services import request_submit

app_name = "requests-api"


class FieldSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    type = serializers.CharField()
    required = serializers.BooleanField(required=False)  # type: ignore[assignment]
    choices = serializers.ListField(required=False)
    help = serializers.CharField(required=False)


class DocumentSerializer(serializers.Serializer):
    name = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    required = serializers.BooleanField(required=False)  # type: ignore[assignment]
    types = serializers.ListField(child=serializers.CharField(), required=False)


class FormDefinitionOutSerializer(serializers.Serializer):
    service = serializers.CharField(source="service.slug")
    service_name = serializers.CharField(source="service.name")
    version = serializers.IntegerField()
    fields = FieldSerializer(many=True)  # type: ignore[assignment]
    documents = DocumentSerializer(many=True)
    consent_text = serializers.CharField()


class FormDefinitionView(APIView):
    rule = rules.PUBLIC

    @extend_schema(
        summary="Het formulier van een dienst die online kan",
        responses={200: FormDefinitionOutSerializer, 404: ERROR},
        tags=["requests"],
    )
    def get(self, request: Request, service_slug: str) -> Response:
        definition = selectors.definition_for_service(slug=service_slug)
        if definition is None:
            raise Http404(_("Deze dienst kan niet online aangevraagd worden."))
        return Response(FormDefinitionOutSerializer(definition).data)


class JSONObjectField(serializers.JSONField):
    """A JSON object; in a multipart body it may come as JSON text."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                raise serializers.ValidationError(_("Geen geldige JSON.")) from None
        if not isinstance(data, dict):
            raise serializers.ValidationError(_("Verwacht een object met de antwoorden."))
        return data


class RequestInSerializer(serializers.Serializer):
    service = serializers.SlugField(help_text="slug van de dienst")
    data = JSONObjectField(help_text="de antwoorden: {veldnaam: waarde}")  # type: ignore[assignment]
    consent = serializers.BooleanField(help_text="de burger geeft toestemming (moet true zijn)")
    citizen = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(role=Role.CITIZEN, is_active=True),
        required=False,
        help_text="enkel voor het front office: de gebruiker-id van de burger",
    )
    channel = serializers.ChoiceField(
        choices=[Channel.ONLINE, Channel.PHONE, Channel.COUNTER], default=Channel.ONLINE, required=False
    )


class RequestOutSerializer(serializers.Serializer):
    reference = serializers.CharField()
    status = serializers.CharField()
    status_label = serializers.CharField()
    channel = serializers.CharField()
    deadline = serializers.DateField(allow_null=True)


class RequestCreateView(APIView):
    """Citizens for themselves; FRONT_OFFICE on a citizen's behalf. Others: 403."""

    rule = rules.AUTHENTICATED
    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        summary="Een aanvraag indienen (e-loket, of namens een burger door het front office)",
        request=RequestInSerializer,
        responses={
            201: RequestOutSerializer,
            400: ERROR,
            403: ERROR,
            404: ERROR,
            413: OpenApiResponse(ERROR.response, description="Document te groot (too_large)."),
            415: OpenApiResponse(ERROR.response, description="Soort document niet aanvaard (unsupported_media_type)."),
        },
        tags=["requests"],
    )
    def post(self, request: Request) -> Response:
        body = RequestInSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        citizen, channel = self._who(request.user, values)
        definition = selectors.definition_for_service(slug=values["service"])
        if definition is None:
            raise Http404(_("Deze dienst kan niet online aangevraagd worden."))
        form = request_form_class(definition, with_documents=False)(
            data={**values["data"], "consent": values["consent"]}
        )
        if not form.is_valid():
            raise serializers.ValidationError({key: [str(e) for e in errors] for key, errors in form.errors.items()})
        uploads = {
            doc["name"]: request.FILES[f"doc_{doc['name']}"]
            for doc in definition.documents
            if f"doc_{doc['name']}" in request.FILES
        }
        try:
            case = request_submit(
                definition=definition,
                citizen=citizen,
                answers=answers_json(form.cleaned_data, definition),
                actor=request.user,
                channel=channel,
                uploads=uploads,
            )
        except ValidationError as exc:
            status = {"too_large": 413, "unsupported_media_type": 415}.get(getattr(exc, "code", None) or "")
            if status:
                return error_response(code=str(exc.code), message=exc.messages[0], status=status)
            raise
        # The shape of RequestOutSerializer, written directly (the renderer turns the date into ISO text).
        out = {
            "reference": case.reference,
            "status": str(case.status),
            "status_label": workflow_for("request").label(case.status),
            "channel": str(case.channel),
            "deadline": case.deadline,
        }
        return Response(out, status=201)

    @staticmethod
    def _who(user: Any, values: dict[str, Any]) -> tuple[Any, str]:
        channel = values.get("channel") or Channel.ONLINE
        if user.role == Role.CITIZEN:
            if values.get("citizen") not in (None, user):
                raise PermissionDenied(_("Een burger dient enkel aanvragen in voor zichzelf."))
            if channel != Channel.ONLINE:
                raise serializers.ValidationError({"channel": [_("Een burger dient online in.")]})
            return user, Channel.ONLINE
        if rules.FRONT_OFFICE.allows(user):
            if values.get("citizen") is None:
                raise serializers.ValidationError({"citizen": [_("Geef de burger voor wie u de aanvraag indient.")]})
            if channel not in (Channel.PHONE, Channel.COUNTER):
                raise serializers.ValidationError({"channel": [_("Kies 'phone' of 'counter'.")]})
            return values["citizen"], channel
        raise PermissionDenied(_("Enkel burgers en het front office dienen aanvragen in."))


urlpatterns = [
    path("requests/", RequestCreateView.as_view(), name="request-create"),
    path("forms/<slug:service_slug>/", FormDefinitionView.as_view(), name="form-detail"),
]
